/**
 * 编辑成信息 for a draft whose wording does not make its category clear: asked, not put under
 * 动态 without a word. Resolves to the category chosen, or null when the user cancels.
 */
import { Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../../../src-main/api/schemas';

export function askCategory(title: string): Promise<Category | null> {
  return new Promise((resolve) => {
    let answered = false;
    const answer = (c: Category | null) => {
      if (answered) return;
      answered = true;
      modals.close(id);
      resolve(c);
    };
    const id = modals.open({
      title: '这条信息属于哪个分类？',
      onClose: () => answer(null),
      children: (
        <Stack gap="sm">
          <Text size="sm">
            从《{title}》的文字看不出分类（写到“问题、建议、对策”的归问题建议，写到“做法、经验”的归经验）。请选一个，以后在稿件中也可以改。
          </Text>
          <SimpleGrid cols={5} spacing="xs">
            {CATEGORIES.map((c) => (
              <Button key={c} variant="light" onClick={() => answer(c)} data-testid={`category-pick-${c}`}>
                {CATEGORY_LABELS[c]}
              </Button>
            ))}
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => answer(null)}>
              取消
            </Button>
          </Group>
        </Stack>
      ),
    });
  });
}
