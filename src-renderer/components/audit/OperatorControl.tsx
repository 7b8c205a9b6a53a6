/**
 * Who is working (操作人): asked for when the window opens, remembered on this PC, sent to the
 * door's session (operatorSet) so every change it makes is logged under that name, and shown
 * in the header with a way to change it. Until a name is given the window waits behind the
 * question: an entry in the audit log must always say who.
 */
import { Button, Group, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconUser } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useApi } from '../../api/context';
import { errorMessage } from '../../api/notify';

const OPERATOR_KEY = 'bulletin.operator';

function remembered(): string {
  try {
    return localStorage.getItem(OPERATOR_KEY) ?? '';
  } catch {
    return '';
  }
}

export function OperatorControl() {
  const api = useApi();
  const [operator, setOperator] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [name, setName] = useState(remembered);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const apply = async (value: string): Promise<boolean> => {
    setSaving(true);
    try {
      const r = await api.call('operatorSet', { name: value });
      setOperator(r.operator);
      localStorage.setItem(OPERATOR_KEY, r.operator);
      setError(null);
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    } finally {
      setSaving(false);
    }
  };

  useEffect(() => {
    const known = remembered();
    if (known) void apply(known).then((ok) => setAsking(!ok));
    else setAsking(true);
    // Once, at start: the remembered name goes to this door's session.
  }, []);

  const submit = async () => {
    if (await apply(name)) setAsking(false);
  };

  return (
    <>
      <UnstyledButton onClick={() => setAsking(true)} title="更换操作人" data-testid="operator-current">
        <Group gap={4} wrap="nowrap">
          <IconUser size={16} color="var(--mantine-color-gray-6)" />
          <Text size="sm" c={operator ? undefined : 'red'}>
            {operator ? `操作人：${operator}` : '未填写操作人'}
          </Text>
        </Group>
      </UnstyledButton>
      <Modal
        opened={asking}
        onClose={() => operator && setAsking(false)}
        withCloseButton={Boolean(operator)}
        closeOnClickOutside={Boolean(operator)}
        closeOnEscape={Boolean(operator)}
        title="请填写操作人"
        centered
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              本窗口中的每一次登记、修改、签发、导出都会以这个姓名记入操作日志。换人使用时，请点右上角的姓名更换。
            </Text>
            <TextInput label="操作人姓名" value={name} onChange={(e) => setName(e.currentTarget.value)} error={error} data-autofocus data-testid="operator-name" />
            <Group justify="flex-end">
              <Button type="submit" loading={saving} data-testid="operator-save">
                确定
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
