import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CALL_SCRIPT_VERSION, scriptLocaleSchema, type CallScript, type ScriptListing } from '../../shared/scripts/call-script.ts';
import { useAppStore } from '../state/app-store.ts';
import { corePeer } from '../core/core-connection.ts';
import { useCoreQuery } from '../state/use-core-query.ts';
import { ProblemList, type Problem } from './problem-list.tsx';
import { ScriptEditor } from './script-editor.tsx';
import { errorText } from '../i18n/error-text.ts';

const localeText = { en: 'English', ru: 'Русский', el: 'Ελληνικά' } as const;

/**
 * The office's call scripts (R2–R28 as prompts): shipped ones to copy, its own to edit, import and
 * export as JSON. Whatever is refused leaves the script in use as it was.
 */
export function ScriptsAdminPanel({ onLocked }: { onLocked(): void }) {
  const { t, i18n } = useTranslation();
  const scripts = useCoreQuery('scripts-admin', 'scripts', (api) => api.call('scripts.list', {}));
  const inUse = useAppStore((s) => s.settings?.settings.script ?? null);
  const [editing, setEditing] = useState<{ script: CallScript; isNew: boolean } | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  /** Runs a core call; a locked admin goes back to the PIN, other errors show here. */
  const attempt = async <T,>(title: string, action: () => Promise<T>): Promise<T | undefined> => {
    setProblem(null);
    setDone(null);
    try {
      return await action();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'admin-locked' || code === 'admin-no-pin') {
        onLocked();
        return undefined;
      }
      const [first = '', ...rest] = errorText(error).split('\n');
      setProblem({ title: rest.length > 0 ? first : title, lines: rest.length > 0 ? rest : [first] });
      return undefined;
    }
  };
  const api = () => {
    const current = corePeer();
    if (!current) throw new Error(t('shell.notConnected'));
    return current;
  };
  const load = (listing: ScriptListing) => api().call('scripts.get', { id: listing.id, locale: listing.locale });

  const edit = async (listing: ScriptListing) => {
    const script = await attempt(t('scriptsAdmin.notOpened'), () => load(listing));
    if (script) setEditing({ script, isNew: false });
  };
  const copy = async (listing: ScriptListing) => {
    const script = await attempt(t('scriptsAdmin.notOpened'), () => load(listing));
    const taken = new Set(scripts?.map((s) => s.id));
    let id = `${listing.id}-copy`;
    for (let n = 2; taken.has(id); n += 1) id = `${listing.id}-copy-${n}`;
    if (script) setEditing({ script: { ...script, id, name: t('scriptsAdmin.copyName', { name: script.name }) }, isNew: true });
  };
  /** A new script starts with a greeting (every script needs one) in the language of the screens. */
  const create = () => {
    const locale = scriptLocaleSchema.catch('en').parse(i18n.language);
    const taken = new Set(scripts?.map((s) => s.id));
    let id = 'new-script';
    for (let n = 2; taken.has(id); n += 1) id = `new-script-${n}`;
    setEditing({
      isNew: true,
      script: {
        version: CALL_SCRIPT_VERSION,
        id,
        name: t('scriptsAdmin.newScript'),
        locale,
        description: '',
        stages: [{ id: 'greeting', kind: 'greeting', title: t('editor.stageKinds.greeting'), say: [t('editor.templateGreeting')], checklist: [], questions: [], hints: [] }],
        faq: [],
        objections: [],
      },
    });
  };
  const exportJson = async (listing: ScriptListing) => {
    const script = await attempt(t('scriptsAdmin.notOpened'), () => load(listing));
    if (!script) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([`${JSON.stringify(script, null, 2)}\n`], { type: 'application/json' }));
    link.download = `${script.id}.${script.locale}.json`;
    link.click();
    URL.revokeObjectURL(link.href);
  };
  const importFile = async (file: File) => {
    const saved = await attempt(t('scriptsAdmin.notImported', { file: file.name }), async () => api().call('scripts.import', { json: await file.text() }));
    if (saved) setDone(t('scriptsAdmin.imported', { name: saved.name, id: saved.id, language: localeText[saved.locale] }));
  };
  const remove = async (listing: ScriptListing) => {
    if (!window.confirm(t('scriptsAdmin.confirmDelete', { name: listing.name, language: localeText[listing.locale] }))) return;
    const removed = await attempt(t('scriptsAdmin.notDeleted'), () => api().call('scripts.delete', { id: listing.id, locale: listing.locale }));
    if (removed) setDone(t('scriptsAdmin.deleted', { name: listing.name }));
  };

  if (editing) {
    return (
      <ScriptEditor
        key={`${editing.script.id}:${editing.script.locale}`}
        initial={editing.script}
        isNew={editing.isNew}
        takenIds={new Set(scripts?.filter((s) => s.shipped).map((s) => s.id))}
        onSave={async (script) => {
          const saved = await attempt(t('scriptsAdmin.notSaved'), () => api().call('scripts.save', { script }));
          if (!saved) return false;
          setEditing(null);
          setDone(t('scriptsAdmin.saved', { name: saved.name }));
          return true;
        }}
        onCancel={() => setEditing(null)}
        problem={problem}
      />
    );
  }

  return (
    <section className="admin-panel" aria-labelledby="scripts-admin-title">
      <h3 id="scripts-admin-title">{t('scriptsAdmin.title')}</h3>
      <p className="muted">{t('scriptsAdmin.intro')}</p>
      <table className="table scripts-table">
        <thead>
          <tr>
            <th scope="col">{t('scriptsAdmin.script')}</th>
            <th scope="col">{t('scriptsAdmin.language')}</th>
            <th scope="col">{t('scriptsAdmin.kind')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('scriptsAdmin.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {scripts?.map((s) => (
            <tr key={`${s.id}:${s.locale}`} data-script-id={s.id} data-locale={s.locale}>
              <td>
                {s.name} <span className="muted small">{s.id}</span>
                {inUse?.id === s.id && inUse.locale === s.locale && <span className="in-use-badge">{t('scriptsAdmin.inUse')}</span>}
              </td>
              <td>{localeText[s.locale]}</td>
              <td>{s.shipped ? t('scriptsAdmin.shipped') : t('scriptsAdmin.own')}</td>
              <td className="row-actions">
                {!s.shipped && (
                  <button type="button" className="link-button" onClick={() => void edit(s)}>
                    {t('scriptsAdmin.edit')}
                  </button>
                )}
                <button type="button" className="link-button" onClick={() => void copy(s)}>
                  {t('scriptsAdmin.copy')}
                </button>
                <button type="button" className="link-button" onClick={() => void exportJson(s)}>
                  {t('scriptsAdmin.export')}
                </button>
                {!s.shipped && (
                  <button type="button" className="link-button" onClick={() => void remove(s)}>
                    {t('scriptsAdmin.delete')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button type="button" className="button" onClick={create}>
          {t('scriptsAdmin.newScript')}
        </button>
        <button type="button" className="button" onClick={() => fileInput.current?.click()}>
          {t('scriptsAdmin.import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          aria-label={t('scriptsAdmin.importFile')}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
      {done && (
        <p className="ok-text" role="status">
          {done}
        </p>
      )}
      {problem && <ProblemList problem={problem} />}
    </section>
  );
}
