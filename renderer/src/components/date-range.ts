// A local date-time range as the date-time inputs give it ("2026-12-01T08:00"): both whole, the end
// after the start. Issue messages are keys of the supervisor catalogue's `log.filters` (shared texts).
import { z } from 'zod';

export type DateRangeProblem = 'dateInvalid' | 'rangeInvalid';

export const dateRangeSchema = z
  .object({ from: z.string(), to: z.string() })
  .superRefine((range, ctx) => {
    const from = Date.parse(range.from);
    const to = Date.parse(range.to);
    if (Number.isNaN(from)) ctx.addIssue({ code: 'custom', path: ['from'], message: 'dateInvalid' satisfies DateRangeProblem });
    if (Number.isNaN(to)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'dateInvalid' satisfies DateRangeProblem });
    else if (!Number.isNaN(from) && to <= from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'rangeInvalid' satisfies DateRangeProblem });
  });
