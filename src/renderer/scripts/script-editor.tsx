import { ArrowDown, ArrowUp, Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  branchStageKinds,
  cardFieldSchema,
  mainStageKinds,
  scriptLocaleSchema,
  type CallScript,
  type ScriptStage,
  type StageKind,
} from '../../shared/scripts/call-script.ts';
import { parseCallScript } from '../../shared/scripts/parse-call-script.ts';
import { ProblemList, type Problem } from './problem-list.tsx';

/** The first `<prefix>-<n>` not yet taken: ids stay stable once given (statistics compare by id). */
function freshId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`${prefix}-${n}`)) n += 1;
  return `${prefix}-${n}`;
}

function move<T>(items: T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length) return items;
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/**
 * Edits everything a script holds: stages (add, reorder, remove, kind), what to say, checklists,
 * questions and the card field each answer goes to, hints, FAQ and objections. Saving checks the
 * whole script first and names each bad place.
 */
export function ScriptEditor(props: {
  initial: CallScript;
  isNew: boolean;
  takenIds: Set<string>;
  onSave(script: CallScript): Promise<boolean>;
  onCancel(): void;
  problem: Problem | null;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<CallScript>(props.initial);
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const patch = (next: Partial<CallScript>) => setDraft((d) => ({ ...d, ...next }));
  const setStage = (index: number, next: ScriptStage) => patch({ stages: draft.stages.map((s, i) => (i === index ? next : s)) });
  const [newKind, setNewKind] = useState<StageKind>('clarifying');

  const save = async () => {
    const checked = parseCallScript(JSON.stringify(draft));
    const problems = checked.ok ? [] : checked.errors;
    if (props.takenIds.has(draft.id)) problems.unshift(t('editor.idTaken', { id: draft.id }));
    setErrors(problems);
    if (!checked.ok || problems.length > 0) return;
    setSaving(true);
    await props.onSave(checked.script);
    setSaving(false);
  };

  return (
    <section className="admin-panel script-editor" aria-labelledby="script-editor-title">
      <h3 id="script-editor-title">{props.isNew ? t('editor.newTitle') : t('editor.editTitle', { name: props.initial.name })}</h3>
      <div className="grid">
        <label className="field">
          {t('editor.name')}
          <input value={draft.name} onChange={(e) => patch({ name: e.target.value })} />
        </label>
        <label className="field">
          {t('editor.id')}
          <input value={draft.id} readOnly={!props.isNew} onChange={(e) => patch({ id: e.target.value.toLowerCase() })} />
        </label>
        <label className="field">
          {t('editor.language')}
          <select value={draft.locale} disabled={!props.isNew} onChange={(e) => patch({ locale: scriptLocaleSchema.parse(e.target.value) })}>
            <option value="en">English</option>
            <option value="ru">Русский</option>
            <option value="el">Ελληνικά</option>
          </select>
        </label>
        <label className="field field-wide">
          {t('editor.description')}
          <textarea rows={2} value={draft.description} onChange={(e) => patch({ description: e.target.value })} />
        </label>
      </div>

      {draft.stages.map((stage, index) => (
        <StageEditor
          key={stage.id}
          stage={stage}
          index={index}
          count={draft.stages.length}
          onChange={(next) => setStage(index, next)}
          onMove={(to) => patch({ stages: move(draft.stages, index, to) })}
          onRemove={() => patch({ stages: draft.stages.filter((_, i) => i !== index) })}
        />
      ))}
      <div className="form-actions">
        <label className="field inline-field">
          {t('editor.newStage')}
          <select value={newKind} onChange={(e) => setNewKind(e.target.value as StageKind)}>
            {[...mainStageKinds, ...branchStageKinds].map((kind) => (
              <option key={kind} value={kind}>
                {t(`editor.stageKinds.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button"
          onClick={() =>
            patch({
              stages: [
                ...draft.stages,
                { id: freshId(newKind, draft.stages.map((s) => s.id)), kind: newKind, title: t(`editor.stageKinds.${newKind}`).replace(/^[^:]+: /, ''), say: [], checklist: [], questions: [], hints: [] },
              ],
            })
          }
        >
          <Plus size={16} aria-hidden /> {t('editor.addStage')}
        </button>
      </div>

      <PairsEditor
        label={t('editor.faq')}
        first={t('editor.faqQuestion')}
        second={t('editor.faqAnswer')}
        items={draft.faq.map((f) => [f.question, f.answer] as const)}
        onChange={(items) => patch({ faq: items.map(([question, answer]) => ({ question, answer })) })}
      />
      <PairsEditor
        label={t('editor.objections')}
        first={t('editor.objection')}
        second={t('editor.answer')}
        items={draft.objections.map((o) => [o.objection, o.answer] as const)}
        onChange={(items) => patch({ objections: items.map(([objection, answer]) => ({ objection, answer })) })}
      />

      {errors.length > 0 && <ProblemList problem={{ title: t('editor.fixFirst'), lines: errors }} />}
      {props.problem && <ProblemList problem={props.problem} />}
      <div className="form-actions">
        <button type="button" className="button button-primary" disabled={saving} onClick={() => void save()}>
          {t('editor.save')}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          {t('editor.cancel')}
        </button>
      </div>
    </section>
  );
}

function StageEditor(props: { stage: ScriptStage; index: number; count: number; onChange(stage: ScriptStage): void; onMove(to: number): void; onRemove(): void }) {
  const { stage, index } = props;
  const { t } = useTranslation();
  const set = (next: Partial<ScriptStage>) => props.onChange({ ...stage, ...next });
  const label = stage.title || t(`editor.stageKinds.${stage.kind}`);
  return (
    <section className="stage-editor" aria-label={t('editor.stageLabel', { n: index + 1, title: label })} data-stage-id={stage.id}>
      <header>
        <h4>
          {index + 1}. {label}
        </h4>
        <select aria-label={t('editor.stageKind')} value={stage.kind} onChange={(e) => set({ kind: e.target.value as StageKind })}>
          {[...mainStageKinds, ...branchStageKinds].map((kind) => (
            <option key={kind} value={kind}>
              {t(`editor.stageKinds.${kind}`)}
            </option>
          ))}
        </select>
        <button type="button" className="icon-button" aria-label={t('editor.moveUp', { title: label })} disabled={index === 0} onClick={() => props.onMove(index - 1)}>
          <ArrowUp size={14} aria-hidden />
        </button>
        <button type="button" className="icon-button" aria-label={t('editor.moveDown', { title: label })} disabled={index === props.count - 1} onClick={() => props.onMove(index + 1)}>
          <ArrowDown size={14} aria-hidden />
        </button>
        <button type="button" className="icon-button" aria-label={t('editor.remove', { title: label })} onClick={props.onRemove}>
          <Trash2 size={14} aria-hidden />
        </button>
      </header>
      <label className="field">
        {t('editor.stageTitle')}
        <input value={stage.title} onChange={(e) => set({ title: e.target.value })} />
      </label>
      <LinesField label={t('editor.say')} lines={stage.say} onChange={(say) => set({ say })} />
      <LinesField
        label={t('editor.checklist')}
        lines={stage.checklist.map((c) => c.text)}
        onChange={(texts) => {
          const ids: string[] = [];
          for (const [i] of texts.entries()) ids.push(stage.checklist[i]?.id ?? freshId('check', [...stage.checklist.map((c) => c.id), ...ids]));
          set({ checklist: texts.map((text, i) => ({ text, id: ids[i]! })) });
        }}
      />
      <div className="list-editor">
        <span>{t('editor.questions')}</span>
        {stage.questions.map((q, qi) => (
          <div key={q.id} className="row-editor">
            <label className="field">
              {t('editor.question')}
              <input value={q.text} onChange={(e) => set({ questions: stage.questions.map((x, i) => (i === qi ? { ...x, text: e.target.value } : x)) })} />
            </label>
            <label className="field">
              {t('editor.cardField')}
              <select
                value={q.field ?? ''}
                onChange={(e) => set({ questions: stage.questions.map((x, i) => (i === qi ? { ...x, field: e.target.value === '' ? null : cardFieldSchema.parse(e.target.value) } : x)) })}
              >
                <option value="">{t('editor.onlyWithCall')}</option>
                {cardFieldSchema.options.map((f) => (
                  <option key={f} value={f}>
                    {t(`editor.cardFields.${f}`)}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="icon-button" aria-label={t('editor.removeQuestion', { text: q.text })} onClick={() => set({ questions: stage.questions.filter((_, i) => i !== qi) })}>
              <Trash2 size={14} aria-hidden />
            </button>
            <label className="field field-wide">
              {t('editor.choices')}
              <ChoicesInput choices={q.choices} onChange={(choices) => set({ questions: stage.questions.map((x, i) => (i === qi ? { ...x, choices } : x)) })} />
            </label>
          </div>
        ))}
        <button
          type="button"
          className="link-button"
          onClick={() => set({ questions: [...stage.questions, { id: freshId('question', stage.questions.map((q) => q.id)), text: '', field: null, choices: [] }] })}
        >
          {t('editor.addQuestion')}
        </button>
      </div>
      <PairsEditor
        label={t('editor.hints')}
        first={t('editor.hintSay')}
        second={t('editor.hintNot')}
        items={stage.hints.map((h) => [h.say, h.notThat] as const)}
        onChange={(items) => set({ hints: items.map(([say, notThat]) => ({ say, notThat })) })}
      />
    </section>
  );
}

/** A textarea with one entry per line; empty lines are kept while typing, dropped from the script. */
function LinesField({ label, lines, onChange }: { label: string; lines: string[]; onChange(lines: string[]): void }) {
  const [text, setText] = useState(lines.join('\n'));
  return (
    <label className="field">
      {label}
      <textarea
        rows={Math.max(2, Math.min(8, text.split('\n').length + 1))}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          onChange(e.target.value.split('\n').map((l) => l.trim()).filter((l) => l !== ''));
        }}
      />
    </label>
  );
}

function ChoicesInput({ choices, onChange }: { choices: string[]; onChange(choices: string[]): void }) {
  const [text, setText] = useState(choices.join('; '));
  return (
    <input
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(e.target.value.split(';').map((c) => c.trim()).filter((c) => c !== ''));
      }}
    />
  );
}

function PairsEditor(props: { label: string; first: string; second: string; items: (readonly [string, string])[]; onChange(items: [string, string][]): void }) {
  const { t } = useTranslation();
  const items = props.items.map(([a, b]) => [a, b] as [string, string]);
  const setItem = (index: number, next: [string, string]) => props.onChange(items.map((item, i) => (i === index ? next : item)));
  return (
    <div className="list-editor">
      <span>{props.label}</span>
      {items.map(([a, b], index) => (
        <div key={index} className="row-editor">
          <label className="field">
            {props.first}
            <input value={a} onChange={(e) => setItem(index, [e.target.value, b])} />
          </label>
          <label className="field">
            {props.second}
            <input value={b} onChange={(e) => setItem(index, [a, e.target.value])} />
          </label>
          <button type="button" className="icon-button" aria-label={t('editor.remove', { title: a })} onClick={() => props.onChange(items.filter((_, i) => i !== index))}>
            <Trash2 size={14} aria-hidden />
          </button>
        </div>
      ))}
      <button type="button" className="link-button" onClick={() => props.onChange([...items, ['', '']])}>
        {t('editor.add')}
      </button>
    </div>
  );
}
