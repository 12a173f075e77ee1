import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ApiClient } from '../shared/api';
import type { Area, CommandName, Me } from '../shared/contract';
import type { LiveFeed } from './liveFeed';

/** What every console page needs: the API as the signed-in user, who that is, the areas, the live feed. */
export interface ConsoleContextValue {
  readonly api: ApiClient;
  readonly me: Me;
  readonly areas: readonly Area[];
  readonly live: LiveFeed;
  readonly signOut: () => void;
}

export const ConsoleContext = createContext<ConsoleContextValue | null>(null);

export function useConsole(): ConsoleContextValue {
  const value = useContext(ConsoleContext);
  if (!value) throw new Error('useConsole outside the signed-in console');
  return value;
}

/** May the signed-in user run this command (their role's commands, from GET /me)? */
export const mayRun = (me: Me, command: CommandName): boolean => me.commands.includes(command);

/** Does the signed-in user serve this area? */
export const servesArea = (me: Me, areaId: string): boolean => me.role === 'admin' || me.areas.includes('*') || me.areas.includes(areaId);

export const areaName = (areas: readonly Area[], areaId: string): string => areas.find((area) => area.id === areaId)?.name ?? areaId;
