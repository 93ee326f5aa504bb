/** "Today" for reporting: the Vietnamese calendar date now (see domain/forms.ts reportingDate). */
import { reportingDate } from '../../domain/forms.ts';

export const todayInVietnam = (now: Date = new Date()): string => reportingDate(now);
