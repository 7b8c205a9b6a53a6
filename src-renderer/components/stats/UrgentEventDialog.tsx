/** One urgent event (紧急信息) in a dialog, whatever the 统计 page's period: opened from a search hit. */
import { Alert, Loader, Modal } from '@mantine/core';
import { useApi } from '../../api/context';
import { useLoad } from '../../hooks/useLoad';
import { UrgentCard } from './UrgentPanel';

export function UrgentEventDialog({ id, onClose }: { id: number; onClose: () => void }) {
  const api = useApi();
  const event = useLoad(() => api.call('urgentGet', { id }), [api, id]);
  return (
    <Modal opened onClose={onClose} title="紧急信息" size="xl" data-testid="urgent-dialog">
      {event.error && <Alert color="red">{event.error}</Alert>}
      {!event.data && !event.error && <Loader />}
      {event.data && <UrgentCard e={event.data} onChanged={event.reload} />}
    </Modal>
  );
}
