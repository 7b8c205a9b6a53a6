/**
 * One item, edited: title, body (one paragraph a line, headings shown as they print), unit,
 * category and sensitivity; proofreading findings underlined in the body and listed below it
 * (issue 18). An existing item saves itself 1.5 s after typing stops; a new one
 * is created on the first 保存 / Ctrl+S. Items in review or in a signed issue open read-only.
 */
import { Alert, Button, Group, Loader, ScrollArea, Select, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { IconArrowLeft, IconDeviceFloppy, IconLock, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { CATEGORIES, CATEGORY_LABELS, CLASSIFICATIONS, CLASSIFICATION_LABELS, type Category, type Classification } from '../../src-main/api/schemas';
import { bodyText, countChars, parseBody } from '../../src-main/api/text';
import type { Article, Unit } from '../../src-main/api/types';
import { useApi } from '../api/context';
import { errorMessage, notifyError, notifyOk } from '../api/notify';
import { clockTime, formatTimestamp } from '../format';
import { useArticleCoverage } from '../hooks/useArticleCoverage';
import { useAutosave } from '../hooks/useAutosave';
import { useLoad } from '../hooks/useLoad';
import { applyInEditor, useProofreading } from '../hooks/useProofreading';
import type { Finding } from '../../src-main/proof';
import { ProofPanel } from './proof/ProofPanel';
import { ProofTextarea } from './proof/ProofTextarea';
import { ArticleScorePanel } from './ArticleScorePanel';
import { SubmittedBadge } from './Badges';
import { BodyStructure } from './BodyStructure';
import { issueRefText } from './IssueRefLink';
import { CoverageWarning } from './issues/CoverageWarning';

interface Fields {
  title: string;
  body: string;
  unit: number | null;
  category: Category;
  classification: Classification;
}

type SaveStatus =
  | { kind: 'clean' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date; auto: boolean }
  | { kind: 'error'; message: string };

const EMPTY: Fields = { title: '', body: '', unit: null, category: 'news', classification: 'public' };

function fieldsOf(a: Article): Fields {
  return { title: a.title, body: bodyText(a.paragraphs), unit: a.unitId, category: a.category, classification: a.classification };
}

function changed(f: Fields, base: Fields): Partial<Fields> {
  const patch: Partial<Fields> = {};
  for (const k of Object.keys(f) as (keyof Fields)[]) if (f[k] !== base[k]) Object.assign(patch, { [k]: f[k] });
  return patch;
}

/** Why an item cannot be edited now, in the user's terms; null when it can. */
function lockReason(a: Article | null): string | null {
  if (!a?.issue) return null;
  if (a.frozen) return `本条已刊登在《${a.issue.series}》${issueRefText(a.issue).replace('已编入 ', '')}，该期已签发，内容已冻结，不能再修改。如需更正，请在新的一期中刊发更正。`;
  if (a.issue.status === 'review') return `本条所在的《${a.issue.series}》草稿 #${a.issue.issueId} 已提交审核，审核期间不能修改。如需修改，请先到“期刊”中将该期退回修改。`;
  return null;
}

export interface ArticleEditorProps {
  articleId: number | 'new';
  onClose: () => void;
  /** After every successful save or create, so lists can refresh. */
  onSaved?: (article: Article) => void;
  onDeleted?: (id: number) => void;
}

export function ArticleEditor({ articleId, onClose, onSaved, onDeleted }: ArticleEditorProps) {
  const api = useApi();
  const units = useLoad(() => api.call('unitList', { includeInactive: true }), [api]);
  const [article, setArticle] = useState<Article | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'clean' });
  const idRef = useRef<number | null>(articleId === 'new' ? null : articleId);
  const savedRef = useRef<Fields>(EMPTY);
  const fieldsRef = useRef<Fields>(EMPTY);
  fieldsRef.current = fields;
  const titleInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    idRef.current = articleId === 'new' ? null : articleId;
    setStatus({ kind: 'clean' });
    setLoadError(null);
    if (articleId === 'new') {
      setArticle(null);
      savedRef.current = EMPTY;
      setFields(EMPTY);
      titleInput.current?.focus();
      return;
    }
    let live = true;
    api.call('articleGet', { id: articleId }).then(
      (a) => {
        if (!live) return;
        setArticle(a);
        savedRef.current = fieldsOf(a);
        setFields(fieldsOf(a));
      },
      (e: unknown) => live && setLoadError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [api, articleId]);

  const locked = lockReason(article);
  const readOnly = locked !== null;

  const save = async (auto: boolean): Promise<void> => {
    if (readOnly) return;
    const f = fieldsRef.current;
    const id = idRef.current;
    const patch = id === null ? f : changed(f, savedRef.current);
    if (id !== null && Object.keys(patch).length === 0) return;
    setStatus({ kind: 'saving' });
    try {
      const a =
        id === null
          ? await api.call('articleAdd', { title: f.title, body: f.body, unit: f.unit, category: f.category, classification: f.classification })
          : await api.call('articleEdit', { id, ...patch });
      idRef.current = a.id;
      savedRef.current = f;
      setArticle(a);
      setStatus({ kind: 'saved', at: new Date(), auto });
      if (id === null) notifyOk(`已新建稿件 #${a.id}`);
      onSaved?.(a);
    } catch (e) {
      setStatus({ kind: 'error', message: errorMessage(e) });
    }
  };

  // One queue for both triggers, so a Ctrl+S during an autosave waits instead of racing it.
  const manualRef = useRef(false);
  const autosave = useAutosave(() => {
    const auto = !manualRef.current;
    manualRef.current = false;
    return save(auto);
  });
  const saveNow = () => {
    manualRef.current = true;
    void autosave.flush();
  };
  const dirty = Object.keys(changed(fields, savedRef.current)).length > 0;

  useEffect(() => {
    if (idRef.current !== null && dirty && !readOnly) autosave.schedule();
  }, [fields, dirty, readOnly, autosave]);

  // Leaving the editor (another page, another item) must not lose the last few keystrokes.
  useEffect(
    () => () => {
      if (idRef.current !== null && autosave.pending()) void autosave.flush();
    },
    [autosave, articleId],
  );

  useHotkeys([['mod+S', saveNow]], []);
  const unitName = units.data?.find((u) => String(u.id) === String(fields.unit))?.name ?? null;
  const coverage = useArticleCoverage(fields.title, fields.body, unitName);
  const proof = useProofreading(article?.id ?? null, fields.title, fields.body);
  // 一键修正: the fix goes into the text being edited; autosave (or 保存) stores it like typing.
  const fixFindings = (list: readonly Finding[]) =>
    setFields((f) => ({ ...f, ...applyInEditor(f.title, f.body, list, proof.offsets) }));

  const set = <K extends keyof Fields>(key: K, value: Fields[K]) => setFields((f) => ({ ...f, [key]: value }));

  const confirmDelete = () => {
    const id = idRef.current;
    if (id === null) return;
    modals.openConfirmModal({
      title: '删除稿件',
      children: (
        <Text size="sm">
          确定删除“{fields.title || '（无标题）'}”吗？删除后不能恢复。已编入期刊的稿件不能删除。
        </Text>
      ),
      labels: { confirm: '删除', cancel: '取消' },
      confirmProps: { color: 'red', 'data-testid': 'confirm-delete-article' } as Record<string, string>,
      onConfirm: async () => {
        try {
          await api.call('articleDelete', { id });
          notifyOk(`已删除稿件 #${id}`);
          onDeleted?.(id);
        } catch (e) {
          notifyError(e, '未能删除');
        }
      },
    });
  };

  if (loadError) {
    return (
      <Stack>
        <BackButton onClose={onClose} />
        <Alert color="red" title="打不开这条稿件">
          {loadError}
        </Alert>
      </Stack>
    );
  }
  if (articleId !== 'new' && !article) return <Loader m="xl" />;

  const unitOptions = (units.data ?? [])
    .filter((u: Unit) => u.active || u.id === fields.unit)
    .map((u) => ({ value: u.id, label: u.active ? u.name : `${u.name}（已停用）` }));
  const chars = countChars(parseBody(fields.body));
  // The lock notice takes a row; the body boxes give it up so the page still fits the window.
  const bodyHeight = locked ? 'calc(100vh - 390px)' : 'calc(100vh - 330px)';
  const isNew = idRef.current === null;

  return (
    <Stack gap="sm" data-testid="article-editor">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <BackButton onClose={onClose} />
          <Title order={4} style={{ whiteSpace: 'nowrap' }}>
            {isNew ? '新建稿件' : `稿件 #${idRef.current}`}
          </Title>
          <SaveStatusText status={status} dirty={dirty} isNew={isNew} readOnly={readOnly} />
        </Group>
        <Group gap="xs" wrap="nowrap">
          {article?.submitted && <SubmittedBadge mark={article.submitted} />}
          <Text size="sm" c="dimmed" data-testid="char-count" style={{ whiteSpace: 'nowrap' }}>
            字数 {chars}
          </Text>
          {!isNew && (
            <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={confirmDelete} disabled={readOnly} data-testid="delete-article">
              删除
            </Button>
          )}
          <Button
            leftSection={<IconDeviceFloppy size={16} />}
            onClick={saveNow}
            disabled={readOnly}
            loading={status.kind === 'saving'}
            title="Ctrl+S"
            data-testid="save-article"
          >
            保存
          </Button>
        </Group>
      </Group>

      {locked && (
        <Alert color="yellow" icon={<IconLock size={18} />} py="xs" data-testid="article-locked">
          {locked}
        </Alert>
      )}

      <TextInput
        ref={titleInput}
        label="标题"
        placeholder="例如：城关镇推进老旧小区改造"
        value={fields.title}
        onChange={(e) => set('title', e.currentTarget.value)}
        readOnly={readOnly}
        data-testid="article-title"
      />
      <Group gap="md" align="flex-end" wrap="nowrap">
        <Select
          label="报送单位"
          placeholder={unitOptions.length ? '选择单位' : '请先在“设置”中添加报送单位'}
          data={unitOptions}
          value={fields.unit}
          onChange={(v) => set('unit', v)}
          searchable
          clearable
          nothingFoundMessage="没有这个单位"
          readOnly={readOnly}
          w={260}
          data-testid="article-unit"
        />
        <Select
          label="分类"
          data={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
          value={fields.category}
          onChange={(v) => v && set('category', v)}
          allowDeselect={false}
          readOnly={readOnly}
          w={140}
          data-testid="article-category"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            密级
          </Text>
          <SegmentedControl
            data={CLASSIFICATIONS.map((c) => ({ value: c, label: CLASSIFICATION_LABELS[c] }))}
            value={fields.classification}
            onChange={(v) => set('classification', v)}
            readOnly={readOnly}
            color={fields.classification === 'classified' ? 'red' : fields.classification === 'internal' ? 'orange' : undefined}
            data-testid="article-classification"
          />
        </Stack>
        {article && (
          <Text size="xs" c="dimmed" ml="auto" style={{ whiteSpace: 'nowrap' }}>
            录入 {formatTimestamp(article.createdAt)} · 修改 {formatTimestamp(article.updatedAt)}
          </Text>
        )}
      </Group>

      <SimpleGrid cols={2} spacing="md">
        <ProofTextarea
          label="正文（每行一段）"
          placeholder={'今年以来，……\n一、强化组织领导\n（一）成立工作专班\n1.明确责任分工\n（1）……'}
          value={fields.body}
          onChange={(v) => set('body', v)}
          readOnly={readOnly}
          height={bodyHeight}
          findings={proof.findings}
          offsets={proof.offsets}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            排版效果（按标题层级显示）
          </Text>
          <ScrollArea
            h={bodyHeight}
            mih={200}
            style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}
            p="sm"
          >
            <BodyStructure text={fields.body} />
          </ScrollArea>
        </Stack>
      </SimpleGrid>
      <ProofPanel
        findings={proof.findings}
        readOnly={readOnly}
        canIgnore={!isNew && !readOnly}
        onFix={fixFindings}
        onIgnore={(f) => void proof.ignore(f)}
        height="30vh"
      />
      <CoverageWarning report={coverage} limit={8} />
      {article && <ArticleScorePanel key={article.id} articleId={article.id} />}
    </Stack>
  );
}

function BackButton({ onClose }: { onClose: () => void }) {
  return (
    <Button variant="default" size="sm" leftSection={<IconArrowLeft size={16} />} onClick={onClose} data-testid="editor-back">
      返回列表
    </Button>
  );
}

function SaveStatusText({ status, dirty, isNew, readOnly }: { status: SaveStatus; dirty: boolean; isNew: boolean; readOnly: boolean }) {
  const props = { size: 'sm', 'data-testid': 'save-status', style: { whiteSpace: 'nowrap' as const, overflow: 'hidden', textOverflow: 'ellipsis' } };
  if (readOnly) return <Text {...props} c="dimmed">只读</Text>;
  if (status.kind === 'saving') return <Text {...props} c="dimmed">保存中…</Text>;
  if (status.kind === 'error')
    return (
      <Text {...props} c="red" title={status.message}>
        保存失败：{status.message}
      </Text>
    );
  if (dirty) return <Text {...props} c="dimmed">{isNew ? '尚未保存（按 Ctrl+S 或点“保存”新建）' : '有改动，停止输入后自动保存'}</Text>;
  if (status.kind === 'saved') return <Text {...props} c="teal">{status.auto ? '已自动保存' : '已保存'} {clockTime(status.at)}</Text>;
  return null;
}
