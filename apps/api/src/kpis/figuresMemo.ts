import { Injectable } from '@nestjs/common';
import { londonDate } from '@app/projections';

/** How many answers to keep: dashboards ask a handful of filters each. */
const CAPACITY = 200;

/**
 * The KPIs are a pure function of the issues read model at a position, today's date in
 * London (overdue) and the query: computed once per such key and shared, so that dashboards
 * polling, or refreshing together on a live event, cost one pass over the table per change
 * instead of one per request. A new event moves the position, and with it the key.
 */
@Injectable()
export class FiguresMemo {
  private readonly answers = new Map<string, Promise<unknown>>();

  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const known = this.answers.get(key);
    if (known) {
      // Most recently used last: the first key is the one to drop.
      this.answers.delete(key);
      this.answers.set(key, known);
      return known as Promise<T>;
    }
    const answer = compute();
    this.answers.set(key, answer);
    // A failure is not an answer: the next request tries again.
    answer.catch(() => this.answers.get(key) === answer && this.answers.delete(key));
    while (this.answers.size > CAPACITY) this.answers.delete(this.answers.keys().next().value!);
    return answer;
  }
}

/** The memo's key: what is asked, by whom (their filter), of the read model at which position, on which London day. */
export const figuresKey = (what: string, position: number, now: Date, query: object): string => JSON.stringify([what, position, londonDate(now), query]);
