import type { GlobalEvent } from '@app/event-store';
import type { ScorecardEventType } from '@app/lifecycle';
import { areaIdOf, isAreaStream, toAreaEvent } from '@app/streams';
import type { Projection, ProjectionTransaction } from '../projection';
import { SCORECARD_CHOICES_TABLE, SCORECARD_FIGURES_TABLE, scorecardChoicesDdl, scorecardFiguresDdl } from './scorecardTables';

const HANDLES: readonly ScorecardEventType[] = ['ScorecardChosen', 'ScorecardFigureRecorded'];

/**
 * Each area's scorecard choice and recorded figures (GET /areas/:areaId/scorecard). Events
 * come in stream order, so an upsert per event leaves the latest choice and, for each
 * indicator and quarter, the latest figure: a later figure corrects an earlier one.
 */
export const scorecardsProjection: Projection = {
  name: 'scorecards',
  handles: HANDLES,
  tables: [
    { name: SCORECARD_CHOICES_TABLE, ddl: scorecardChoicesDdl },
    { name: SCORECARD_FIGURES_TABLE, ddl: scorecardFiguresDdl },
  ],

  async apply(events: readonly GlobalEvent[], tx: ProjectionTransaction): Promise<void> {
    const choices = tx.table(SCORECARD_CHOICES_TABLE);
    const figures = tx.table(SCORECARD_FIGURES_TABLE);
    // Only area streams: an issue stream can never hold these types, but the guard costs nothing.
    for (const stored of events.filter((event) => isAreaStream(event.streamId))) {
      const areaId = areaIdOf(stored.streamId);
      const event = toAreaEvent(stored);
      if (event.type === 'ScorecardChosen') {
        const { indicators, chosenAt, note } = event.data;
        await tx.run(
          `INSERT INTO ${choices} (area_id, indicators, chosen_at, note, version) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (area_id) DO UPDATE SET indicators = excluded.indicators, chosen_at = excluded.chosen_at, note = excluded.note, version = excluded.version`,
          [areaId, JSON.stringify(indicators), chosenAt, note, stored.version],
        );
      } else {
        const { indicator, quarter, value, note } = event.data;
        await tx.run(
          `INSERT INTO ${figures} (area_id, indicator, quarter, value, note, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (area_id, indicator, quarter) DO UPDATE SET value = excluded.value, note = excluded.note, recorded_at = excluded.recorded_at`,
          [areaId, indicator, quarter, value, note, event.occurredAt],
        );
      }
    }
  },
};
