import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../app/top-bar.tsx';
import type { LiveCall } from '../../shared/ipc/phone.ts';
import { answerKey, branchReturnStage, goToStage, returnFromBranch, setAnswer, startProgress, stepStage, toggleChecklistItem, type CallProgress } from '../../shared/scripts/call-progress.ts';
import { branchStageKinds, type CallScript, type CardField, type ScriptQuestion, type ScriptStage } from '../../shared/scripts/call-script.ts';
import { fillPlaceholders, missingOfficeValues } from '../../shared/scripts/fill-placeholders.ts';
import { holidayWish } from '../../shared/scripts/holiday-wish.ts';
import { useAppStore } from '../state/app-store.ts';
import { runAction } from '../core/core-connection.ts';
import { useDebouncedSaver } from '../state/use-debounced-saver.ts';

/** Typing is saved this long after the last key; everything else at once. */
const SAVE_DELAY_MS = 150;
/**
 * The window counts no stage time: main stamps the times with its clock when a stage change is
 * saved (stage-times-clock.ts), so the moves here are made at a time of 0 that main ignores.
 */
const UNTIMED = 0;

/** The call's script: loads it, restores the saved progress (after a reload or a crash), or starts it. */
export function ScriptPanel({ call }: { call: LiveCall }) {
  const connected = useAppStore((s) => s.connection.status === 'connected');
  const [script, setScript] = useState<CallScript | null>(null);
  const [progress, setProgress] = useState<CallProgress | null>(null);
  /** A caller unknown when the call began gets a new card, typed in ClientCardPanel, which also takes what the script captures. */
  const [knownContactId] = useState(call.card.contact?.id ?? null);

  // A call keeps the script it started with: choosing another in Settings applies to the next call.
  useEffect(() => {
    const choice = useAppStore.getState().settings?.settings.script;
    if (!connected || !choice) return;
    let current = true;
    void runAction(async (api) => {
      const saved = await api.call('scripts.progress', { callId: call.id });
      const started = saved ? await api.call('scripts.get', { id: saved.scriptId, locale: choice.locale }) : null;
      return { loaded: started ?? (await api.call('scripts.get', choice)), saved };
    }).then((result) => {
      if (!current || !result?.loaded) return;
      setScript(result.loaded);
      setProgress(result.saved?.scriptId === result.loaded.id ? result.saved : startProgress(result.loaded, UNTIMED));
    });
    return () => {
      current = false;
    };
  }, [call.id, connected]);

  if (!script || !progress) return null;
  return <ScriptView callId={call.id} contactId={knownContactId} ended={call.state === 'ended'} resumedAt={call.resumedAt} script={script} progress={progress} onChange={setProgress} />;
}

/** How long "thank them for waiting" stays up after the caller is taken off hold (R18). */
const RESUMED_BANNER_MS = 20_000;

function ScriptView(props: { callId: string; contactId: string | null; ended: boolean; resumedAt: number | null; script: CallScript; progress: CallProgress; onChange(next: CallProgress): void }) {
  const { callId, contactId, ended, script, progress, onChange } = props;
  const { t } = useTranslation();

  const office = useAppStore((s) => s.settings?.settings.office);
  const agentName = useAppStore((s) => s.settings?.settings.account.displayName ?? '');
  const region = useAppStore((s) => s.settings?.settings.defaultRegion ?? 'GR');
  const [search, setSearch] = useState('');
  /** A known caller's card gets the answers too (R28); a new caller's go into the new card as it is typed (ClientCardPanel). */
  type Capture = { field: CardField; value: string };
  const captures = useRef(new Map<CardField, string>());
  const saver = useDebouncedSaver<CallProgress>(SAVE_DELAY_MS, (next) => {
    const captured = [...captures.current];
    captures.current.clear();
    return runAction(async (api) => {
      await api.call('scripts.saveProgress', { callId, progress: next });
      if (contactId) for (const [field, value] of captured) await api.call('contacts.capture', { contactId, field, value });
    });
  });
  const change = (next: CallProgress, typing = false, capture?: Capture) => {
    onChange(next);
    if (capture) {
      useAppStore.getState().setScriptCapture(callId, capture.field, capture.value);
      captures.current.set(capture.field, capture.value);
    }
    saver.change(next);
    if (!typing) void saver.flush();
  };
  // The hang-up saves what was typed at once; the panel itself stays a moment longer.
  useEffect(() => {
    if (ended) void saver.flush();
  }, [ended, saver]);

  const stage = script.stages.find((s) => s.id === progress.currentStage) ?? script.stages[0]!;
  const callerName = nameAnswer(script, progress);
  const values = {
    company: office?.company ?? '',
    activity: office?.activity ?? '',
    agentName,
    callerName,
    holidayWish: holidayWish(new Date(), region, script.locale),
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft')) return;
      event.preventDefault();
      change(event.key === 'ArrowLeft' && branchReturnStage(script, progress) ? returnFromBranch(script, progress, UNTIMED) : stepStage(script, progress, event.key === 'ArrowRight' ? 1 : -1, UNTIMED));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const missing = stage.say.flatMap((line) => missingOfficeValues(line, values));
  const returnStage = branchReturnStage(script, progress);
  const mainStages = script.stages.filter((s) => !(branchStageKinds as readonly string[]).includes(s.kind));
  const branches = script.stages.filter((s) => (branchStageKinds as readonly string[]).includes(s.kind));
  const found = useMemo(() => searchReference(script, search), [script, search]);

  return (
    <section className="script-panel" aria-label={t('script.panel')} data-stage={stage.id} data-furthest-stage={progress.furthestStage}>
      <div className="script-header">
        {callerName && (
          <div className="script-caller" aria-label={t('script.callerName')}>
            {callerName}
          </div>
        )}
        <nav className="script-stages" aria-label={t('script.stages')}>
          {mainStages.map((s, index) => (
            <button key={s.id} type="button" className={s.id === stage.id ? 'stage-tab active' : 'stage-tab'} aria-current={s.id === stage.id ? 'step' : undefined} onClick={() => change(goToStage(script, progress, s.id, UNTIMED))}>
              {index + 1}. {s.title}
            </button>
          ))}
        </nav>
        <div className="script-branches" role="group" aria-label={t('script.jumpTo')}>
          {branches.map((s) => (
            <button key={s.id} type="button" className={s.id === stage.id ? 'branch active' : 'branch'} onClick={() => change(goToStage(script, progress, s.id, UNTIMED))}>
              {s.title}
            </button>
          ))}
        </div>
      </div>
      {props.resumedAt !== null && <ResumedBanner key={props.resumedAt} resumedAt={props.resumedAt} stageTitle={stage.title} />}
      <div className="script-body">
        <div className="script-stage">
          <div className="script-stage-head">
            <h3>{stage.title}</h3>
            <div className="script-steps">
              {returnStage ? (
                <button type="button" className="button button-primary" onClick={() => change(returnFromBranch(script, progress, UNTIMED))} aria-keyshortcuts="Alt+ArrowLeft">
                  <ChevronLeft size={16} aria-hidden /> {t('script.backTo', { stage: returnStage.title })}
                </button>
              ) : (
                <>
                  <button type="button" className="button" disabled={mainStages[0]?.id === stage.id} onClick={() => change(stepStage(script, progress, -1, UNTIMED))} aria-keyshortcuts="Alt+ArrowLeft">
                    <ChevronLeft size={16} aria-hidden /> {t('script.back')}
                  </button>
                  <button type="button" className="button button-primary" disabled={mainStages.at(-1)?.id === stage.id} onClick={() => change(stepStage(script, progress, 1, UNTIMED))} aria-keyshortcuts="Alt+ArrowRight">
                    {t('script.next')} <ChevronRight size={16} aria-hidden />
                  </button>
                </>
              )}
            </div>
          </div>
          {stage.say.map((line, i) => (
            <p key={i} className="script-say">
              {fillPlaceholders(line, values)}
            </p>
          ))}
          {stage.kind === 'absent' && (
            <button type="button" className="button" onClick={() => useAppStore.setState({ messageFormCallId: callId })}>
              {t('messages.newMessage')}
            </button>
          )}
          {(missing.includes('agentName') || missing.includes('company')) && (
            <p className="muted small script-unset">
              {missing.includes('agentName') && t('script.noAgentName')} {missing.includes('company') && t('script.noCompany')}{' '}
              <button type="button" className="link-button" onClick={() => useAppStore.getState().showSettingsField(missing.includes('agentName') ? 'displayName' : 'company')}>
                {t('script.openSettings')}
              </button>
            </p>
          )}
          {stage.questions.length > 0 && (
            <StageQuestions
              stage={stage}
              progress={progress}
              onAnswer={(question, value, typing) => change(setAnswer(progress, stage.id, question.id, value), typing, question.field ? { field: question.field, value } : undefined)}
            />
          )}
          {stage.hints.length > 0 && (
            <ul className="script-hints" aria-label={t('script.hints')}>
              {stage.hints.map((h, i) => (
                <li key={i}>
                  <span className="say-this">{h.say}</span> <span className="not-that">{t('script.notThat', { text: h.notThat })}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <aside className="script-side">
          {stage.checklist.length > 0 && (
            <fieldset className="script-checklist">
              <legend>
                {t('script.checklist')}{' '}
                <span className="muted small" data-checklist-done={(progress.checklist[stage.id] ?? []).length}>
                  {t('script.checklistDone', { count: (progress.checklist[stage.id] ?? []).length, total: stage.checklist.length })}
                </span>
              </legend>
              {stage.checklist.map((item) => (
                <label key={item.id}>
                  <input type="checkbox" checked={(progress.checklist[stage.id] ?? []).includes(item.id)} onChange={() => change(toggleChecklistItem(progress, stage.id, item.id))} /> {item.text}
                </label>
              ))}
            </fieldset>
          )}
          <label className="field">
            {t('script.search')}
            <input value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('script.searchPlaceholder')} />
          </label>
          {found.length > 0 && (
            <dl className="script-reference">
              {found.map((entry, i) => (
                <div key={i}>
                  <dt>{entry.title}</dt>
                  <dd>{entry.answer}</dd>
                </div>
              ))}
            </dl>
          )}
        </aside>
      </div>
    </section>
  );
}

/** Just taken off hold: thank the caller and pick up where the conversation stopped (R18). */
function ResumedBanner({ resumedAt, stageTitle }: { resumedAt: number; stageTitle: string }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  if (now - resumedAt >= RESUMED_BANNER_MS) return null;
  return (
    <div className="resume-banner" role="status">
      <strong>{t('callControls.thankForWaiting')}</strong> {t('callControls.stoppedAt', { stage: stageTitle })}
    </div>
  );
}

function StageQuestions({ stage, progress, onAnswer }: { stage: ScriptStage; progress: CallProgress; onAnswer(question: ScriptQuestion, value: string, typing: boolean): void }) {
  const { t } = useTranslation();
  /** Lead temperature is stored as hot / warm / cold; the button says it in the person's language. */
  const choiceLabel = (question: ScriptQuestion, choice: string) =>
    question.field === 'temperature' && (choice === 'hot' || choice === 'warm' || choice === 'cold') ? t(`script.choice.${choice}`) : choice;
  return (
    <div className="script-questions">
      {stage.questions.map((q) => {
        const value = progress.answers[answerKey(stage.id, q.id)] ?? '';
        return (
          <div key={q.id} className="script-question">
            <label className="field" htmlFor={`q-${stage.id}-${q.id}`}>
              {q.text}
            </label>
            {q.choices.length > 0 && (
              <div className="choice-buttons" role="group" aria-label={q.text}>
                {q.choices.map((c) => (
                  <button key={c} type="button" aria-pressed={value === c} onClick={() => onAnswer(q, value === c ? '' : c, false)}>
                    {choiceLabel(q, c)}
                  </button>
                ))}
              </div>
            )}
            <input id={`q-${stage.id}-${q.id}`} value={value} onChange={(e) => onAnswer(q, e.target.value, true)} />
          </div>
        );
      })}
    </div>
  );
}

/** The answer to the question that captures the caller's name (R5: use it during the call). */
function nameAnswer(script: CallScript, progress: CallProgress): string {
  for (const stage of script.stages) {
    const question = stage.questions.find((q) => q.field === 'name');
    const value = question && progress.answers[answerKey(stage.id, question.id)]?.trim();
    if (value) return value;
  }
  return '';
}

function searchReference(script: CallScript, query: string): { title: string; answer: string }[] {
  const needle = query.trim().toLocaleLowerCase();
  if (needle.length < 2) return [];
  const entries = [...script.faq.map((f) => ({ title: f.question, answer: f.answer })), ...script.objections.map((o) => ({ title: o.objection, answer: o.answer }))];
  return entries.filter((e) => `${e.title} ${e.answer}`.toLocaleLowerCase().includes(needle)).slice(0, 6);
}
