import { actorRef, ANONYMOUS } from './actor';

describe('how an actor is written into event metadata', () => {
  it('records the name a staff token carries, beside the id and role', () => {
    expect(actorRef({ kind: 'staff', id: 'm-1', role: 'areaManager', areas: ['trowbridge'], name: 'Morgan Manager' })).toEqual({ id: 'm-1', role: 'areaManager', name: 'Morgan Manager' });
  });

  it('records no name key when the token had none, and an anonymous caller as the resident', () => {
    expect(actorRef({ kind: 'staff', id: 'm-1', role: 'areaManager', areas: ['trowbridge'] })).toStrictEqual({ id: 'm-1', role: 'areaManager' });
    expect(actorRef(ANONYMOUS)).toEqual({ id: 'anonymous', role: 'resident' });
  });
});
