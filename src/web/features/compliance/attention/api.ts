import { get, seg } from '../../../app/api';
import type { Evidence } from '../evidence/api';

/** GET /organisations/:org/compliance/attention — what needs the CISO's attention now. */
export interface Attention {
  /** Expired or soon-expiring evidence. */
  evidence: Evidence[];
  failingMeasures: Array<{ id: string; title: string; failing: Array<{ source: string; check: string; observedAt: string }> }>;
  overdueAssessments: Array<{
    year: number;
    requirementId: string;
    frameworkId: string;
    ref: string;
    title: string;
    dueDate: string;
    result: string;
    owner: { id: string; name: string } | null;
  }>;
  overdueActions: Array<{ id: string; title: string; dueDate: string; status: string; owner: { id: string; name: string } | null }>;
  /** legal reporting deadlines of incidents that passed or fall due within a day (only for who may read incidents) */
  incidentDeadlines: Array<{ incident: { id: string; ref: string; title: string }; deadline: { id: string; name: string; due: string; overdue: boolean } }>;
}

export const fetchAttention = (slug: string, signal?: AbortSignal) => get<Attention>(`/organisations/${seg(slug)}/compliance/attention`, signal);
