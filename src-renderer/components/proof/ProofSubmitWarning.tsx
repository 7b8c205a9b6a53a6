/**
 * At submit: the items that still hold proofreading 错误 (issue 18). A warning, the
 * issue is in review all the same; the editor fixes them after 退回修改, or lets them stand.
 */
import { Alert, List, Text } from '@mantine/core';
import { IconTextSpellcheck } from '@tabler/icons-react';
import { proofWarningLines, proofWarningText, type ProofWarning } from '../../../src-main/api/proof-warning';

export function ProofSubmitWarning({ warning }: { warning: ProofWarning }) {
  const text = proofWarningText(warning);
  if (!text) return null;
  return (
    <Alert color="orange" icon={<IconTextSpellcheck size={18} />} title="校对提醒" py="xs" mt="sm" data-testid="proof-submit-warning">
      <Text size="sm">{text}</Text>
      <List size="sm" spacing={0}>
        {proofWarningLines(warning).map((line) => (
          <List.Item key={line} data-testid="proof-submit-item">
            {line}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
