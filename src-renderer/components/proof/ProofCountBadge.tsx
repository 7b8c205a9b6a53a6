/** A draft's count of proofreading findings in the intake register (issue 18). */
import { Badge, Text } from '@mantine/core';

export function ProofCountBadge({ proof }: { proof: { errors: number; suggestions: number } | undefined }) {
  if (!proof) return null;
  const total = proof.errors + proof.suggestions;
  if (total === 0) {
    return (
      <Text size="xs" c="dimmed" data-testid="proof-count" data-count={0}>
        无
      </Text>
    );
  }
  return (
    <Badge
      size="sm"
      variant="light"
      color={proof.errors > 0 ? 'red' : 'yellow'}
      title={`校对发现错误 ${proof.errors} 处、建议 ${proof.suggestions} 处`}
      data-testid="proof-count"
      data-count={total}
    >
      {total} 处
    </Badge>
  );
}
