/**
 * One item, edited: title, body (one paragraph a line, headings shown as they print), unit,
 * category and sensitivity; proofreading findings underlined in the body and listed below it
 * (issue 18). An item saves itself 1.5 s after typing stops — a new one as soon as it has a
 * title (the record needs one). Until saved, what is typed is kept every two seconds in the
 * main process's scratch store (useDraftKeeper) and offered back when the editor opens again;
 * leaving with changes that could not be saved asks first. Items in review or in a signed issue
 * open read-only.
 */
import { Alert, Button, Group, Loader, ScrollArea, Select, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { IconDeviceFloppy, IconLock, IconTablePlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { CATEGORIES, CATEGORY_LABELS, CLASSIFICATIONS, CLASSIFICATION_LABELS, type Category, type Classification } from '../../../src-main/api/schemas';
import { bodyText, countChars, parseBody } from '../../../src-main/api/text';
import type { Article, Unit } from '../../../src-main/api/types';
import { useApi } from '../../api/context';
import { errorMessage, notifyError, notifyOk } from '../../api/notify';
import { formatTimestamp } from '../../format';
import { useArticleCoverage } from '../../hooks/useArticleCoverage';
import { useAutosave } from '../../hooks/useAutosave';
import { useDraftKeeper } from '../../hooks/useDraftKeeper';
import { useLeaveGuard } from '../../hooks/useLeaveGuard';
import type { EditorDraft } from '../../../src-main/api/ops/drafts';
import { BackButton, DraftOffer, SaveStatusText, type SaveStatus } from './EditorStatus';
import { useLoad } from '../../hooks/useLoad';
import { applyInEditor, useProofreading } from '../../hooks/useProofreading';
import type { Finding } from '../../../src-main/proof';
import { ProofPanel } from '../proof/ProofPanel';
import { ProofTextarea } from '../proof/ProofTextarea';
import { ArticleScorePanel } from './ArticleScorePanel';
import { SubmittedBadge } from '../common/Badges';
import { BodyStructure } from './BodyStructure';
import { ItemPictures } from './ItemPictures';
import { issueRefText } from '../common/IssueRefLink';
import { CoverageWarning } from '../issues/CoverageWarning';
import { unitSearchProps } from '../common/unitSearch';
import { useBodyTables } from './useBodyTables';

interface Fields {
  title: string;
  body: string;
  unit: number | null;
  category: Category;
  classification: Classification;
}

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

const sameFields = (a: Fields, b: Fields) => Object.keys(changed(a, b)).length === 0;

/** Asks whether to drop what could not be saved; true: drop it and go. */
function askToDrop(why: string): Promise<boolean> {
  return new Promise((resolve) => {
    modals.openConfirmModal({
      title: '有未保存的内容',
      children: (
        <Text size="sm">
          {why}离开后这些内容将丢失。
        </Text>
      ),
      labels: { confirm: '放弃内容并离开', cancel: '留下继续编辑' },
      confirmProps: { color: 'red', 'data-testid': 'leave-discard' } as Record<string, string>,
      cancelProps: { 'data-testid': 'leave-stay' } as Record<string, string>,
      onConfirm: () => resolve(true),
      onCancel: () => resolve(false),
      onClose: () => resolve(false),
    });
  });
}

export interface ArticleEditorProps {
  articleId: number | 'new';
  /** Put back this editor's kept text at once (the user chose 恢复 at start-up). */
  recover?: boolean;
  onClose: () => void;
  /** After every successful save or create, so lists can refresh. */
  onSaved?: (article: Article) => void;
  onDeleted?: (id: number) => void;
}

export function ArticleEditor({ articleId, recover, onClose, onSaved, onDeleted }: ArticleEditorProps) {
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
  const [offer, setOffer] = useState<EditorDraft | null>(null);
  const draftKey = `article:${articleId}`;

  useEffect(() => {
    idRef.current = articleId === 'new' ? null : articleId;
    setStatus({ kind: 'clean' });
    setLoadError(null);
    setOffer(null);
    let live = true;
    // A kept text that differs from what is saved is offered (or, after 恢复 at start, put back).
    const offerKept = (base: Fields) =>
      api.call('draftList', {}).then(
        (drafts) => {
          const kept = drafts.find((d) => d.key === `article:${articleId}`);
          if (!live || !kept) return;
          if (sameFields(kept.fields, base)) return void api.call('draftClear', { key: kept.key }).catch(() => {});
          if (recover) setFields(kept.fields);
          else setOffer(kept);
        },
        () => {},
      );
    if (articleId === 'new') {
      setArticle(null);
      savedRef.current = EMPTY;
      setFields(EMPTY);
      titleInput.current?.focus();
      void offerKept(EMPTY);
      return () => {
        live = false;
      };
    }
    api.call('articleGet', { id: articleId }).then(
      (a) => {
        if (!live) return;
        setArticle(a);
        savedRef.current = fieldsOf(a);
        setFields(fieldsOf(a));
        if (!lockReason(a)) void offerKept(fieldsOf(a));
      },
      (e: unknown) => live && setLoadError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [api, articleId, recover]);

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
      // Saved for real: the kept copies (under the new item's name too, once it has one) go.
      void keeper.clear(...new Set([draftKey, `article:${a.id}`]));
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
  // A new item with nothing typed (a unit picked at most) has nothing to lose.
  const dirty = !sameFields(fields, savedRef.current) && (idRef.current !== null || fields.title.trim() !== '' || fields.body.trim() !== '');
  // The record needs a title: a new item without one stays in the scratch store until it has.
  const canSave = (f: Fields) => idRef.current !== null || f.title.trim() !== '';
  const keeper = useDraftKeeper(draftKey, fields, dirty, !readOnly && offer === null);

  useEffect(() => {
    if (canSave(fields) && dirty && !readOnly) autosave.schedule();
  }, [fields, dirty, readOnly, autosave]);

  // Leaving (another page, another item, 返回列表): save what can be saved; ask about the rest.
  const mayLeave = async (): Promise<boolean> => {
    const f = fieldsRef.current;
    if (readOnly || sameFields(f, savedRef.current) || (idRef.current === null && !f.title.trim() && !f.body.trim())) return true;
    if (canSave(fieldsRef.current)) {
      await autosave.flush();
      if (sameFields(fieldsRef.current, savedRef.current)) return true;
    }
    await keeper.keepNow();
    const why = canSave(fieldsRef.current)
      ? '改动没能保存（原因见页面上方的“保存失败”）。'
      : '这条新稿件还没有标题，不能保存为稿件；请先填写标题。';
    if (!(await askToDrop(why))) return false;
    await keeper.clear(draftKey);
    return true;
  };
  useLeaveGuard(dirty && !readOnly, mayLeave, () => {
    void keeper.keepNow();
    if (canSave(fieldsRef.current)) void autosave.flush();
  });

  useHotkeys([['mod+S', saveNow]], []);
  const unitName = units.data?.find((u) => String(u.id) === String(fields.unit))?.name ?? null;
  const coverage = useArticleCoverage(fields.title, fields.body, unitName);
  const proof = useProofreading(article?.id ?? null, fields.title, fields.body);
  // 一键修正: the fix goes into the text being edited; autosave (or 保存) stores it like typing.
  const fixFindings = (list: readonly Finding[]) =>
    setFields((f) => ({ ...f, ...applyInEditor(f.title, f.body, list, proof.offsets) }));

  const set = <K extends keyof Fields>(key: K, value: Fields[K]) => setFields((f) => ({ ...f, [key]: value }));
  // Issue 19: tables pasted from a spreadsheet, inserted, and edited in their grids.
  const tables = useBodyTables((update) => setFields((f) => ({ ...f, body: update(f.body) })), readOnly);

  const restoreKept = () => {
    if (offer) setFields(offer.fields);
    setOffer(null);
  };
  const dropKept = () => {
    if (offer) void keeper.clear(offer.key);
    setOffer(null);
  };

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

      {offer && <DraftOffer savedAt={offer.savedAt} onRestore={restoreKept} onDrop={dropKept} />}
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
        variant={readOnly ? 'filled' : 'default'}
        data-testid="article-title"
      />
      <Group gap="md" align="flex-end" wrap="nowrap">
        <Select
          label="来稿单位"
          placeholder={unitOptions.length ? '选择单位' : '请先在“设置”中添加来稿单位'}
          data={unitOptions}
          value={fields.unit}
          onChange={(v) => set('unit', v)}
          searchable
          clearable
          {...unitSearchProps<number>(units.data ?? [])}
          readOnly={readOnly}
          variant={readOnly ? 'filled' : 'default'}
          rightSection={readOnly ? <span /> : undefined}
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
          variant={readOnly ? 'filled' : 'default'}
          rightSection={readOnly ? <span /> : undefined}
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
          onPaste={tables.onPaste}
          inputRef={tables.inputRef}
        />
        <Stack gap={4}>
          <Group justify="space-between" wrap="nowrap" h={20}>
            <Text size="sm" fw={500}>
              排版效果（按标题层级显示）
            </Text>
            {!readOnly && (
              <Button size="compact-xs" variant="subtle" leftSection={<IconTablePlus size={14} />} onClick={tables.insertNew} title="在正文光标处插入表格；也可直接粘贴 Excel、WPS 表格中复制的单元格" data-testid="insert-table">
                插入表格
              </Button>
            )}
          </Group>
          <ScrollArea
            h={bodyHeight}
            mih={200}
            style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}
            p="sm"
          >
            <BodyStructure text={fields.body} {...(readOnly ? {} : { onTableChange: tables.onTableChange })} />
          </ScrollArea>
        </Stack>
      </SimpleGrid>
      {article && <ItemPictures articleId={article.id} body={fields.body} readOnly={readOnly} onBody={(b) => set('body', b)} />}
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
