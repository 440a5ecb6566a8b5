import type { BadgeTone } from '../../ui/Badge';

const STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  OPEN: { label: 'Open', tone: 'green' },
  IN_PROGRESS: { label: 'In progress', tone: 'amber' },
  COMPLETED: { label: 'Completed', tone: 'neutral' },
  CANCELLED: { label: 'Cancelled', tone: 'red' },
};

export function jobStatus(status: string): { label: string; tone: BadgeTone } {
  return STATUS[status] ?? { label: status.replace(/_/g, ' ').toLowerCase(), tone: 'neutral' };
}
