import type { PageContext } from '../../../platform/render/page-context.js';
import type { ReviewComment } from '../model.js';
import { hasChanges, type Segment } from './diff.js';
import { editorMessages } from './messages.js';
import { anyChanges, versionChanges, type FieldChange, type VersionText } from './version-changes.js';

/**
 * Removed words, then a space, then the words that replace them. Screen readers do not announce
 * <del> and <ins>, so each says what it is in words only they read.
 */
export function Diff({ segments, ctx }: { segments: Segment[]; ctx: PageContext }) {
  const m = editorMessages[ctx.lang];
  if (!hasChanges(segments)) return <p className="muted">{m.noChanges}</p>;
  return (
    <p className="diff">
      {segments.map((s, i) => {
        if (s.kind === 'same') return <span key={i}>{s.text}</span>;
        if (s.kind === 'removed') {
          return (
            <del key={i}>
              <span className="visually-hidden">{`${m.removedMark} `}</span>
              {s.text}
            </del>
          );
        }
        return (
          <span key={i}>
            {segments[i - 1]?.kind === 'removed' && ' '}
            <ins>
              <span className="visually-hidden">{`${m.addedMark} `}</span>
              {s.text}
            </ins>
          </span>
        );
      })}
    </p>
  );
}

function Changes({ changes, ctx }: { changes: FieldChange[]; ctx: PageContext }) {
  if (changes.length === 0) return null;
  return (
    <dl className="diff-list">
      {changes.map((change, i) => (
        <div key={i} className="diff-list__row">
          <dt>{change.label}</dt>
          <dd>
            <Diff segments={change.segments} ctx={ctx} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The reviewer's comments on the previous version, beside the part they were about. */
function EarlierComments({ comments, ctx, version, by }: { comments: ReviewComment[]; ctx: PageContext; version: number; by: string }) {
  if (comments.length === 0) return null;
  const m = editorMessages[ctx.lang];
  return (
    <div className="callout review-comment">
      {comments.map((c, i) => (
        <p key={i}>
          <strong>{m.earlierComment(version, by)}</strong> {c.text}
        </p>
      ))}
    </div>
  );
}

/**
 * The reviewer's view of what changed since the previous submitted version: every field of every
 * section (see version-changes.ts), with the comments made on that version beside each section.
 */
export function VersionDiff({
  ctx,
  before,
  after,
  comments,
  by,
}: {
  ctx: PageContext;
  before: VersionText & { version: number };
  after: VersionText;
  comments: ReviewComment[];
  by: string;
}) {
  const m = editorMessages[ctx.lang];
  const sections = versionChanges(before, after, ctx.lang);
  const about = (section: string, item: number | null) => comments.filter((c) => c.section === section && (c.item ?? null) === item);
  const general = about('general', null);
  return (
    <div className="version-diff">
      {!anyChanges(sections) && <p>{m.nothingChanged}</p>}
      {general.length > 0 && (
        <div>
          <h4>{m.generalComment}</h4>
          <EarlierComments comments={general} ctx={ctx} version={before.version} by={by} />
        </div>
      )}
      {sections.map((section) => {
        const sectionComments = about(section.section, null);
        const unchanged = section.changes.length === 0 && section.items.every((item) => item.changes.length === 0);
        // The signature is shown only when it changed; every numbered section always says how it stands.
        if (section.section === 'signature' && unchanged) return null;
        return (
          <div key={section.section}>
            <h4>{section.title}</h4>
            <EarlierComments comments={sectionComments} ctx={ctx} version={before.version} by={by} />
            {unchanged && <p className="muted">{m.noChanges}</p>}
            <Changes changes={section.changes} ctx={ctx} />
            {section.items.map((item) => {
              const itemComments = about(section.section, item.item);
              if (item.changes.length === 0 && itemComments.length === 0) return null;
              return (
                <div key={item.item} className="repeat">
                  <h5 className="repeat__title">{item.title}</h5>
                  <EarlierComments comments={itemComments} ctx={ctx} version={before.version} by={by} />
                  {item.changes.length === 0 ? <p className="muted">{m.noChanges}</p> : <Changes changes={item.changes} ctx={ctx} />}
                </div>
              );
            })}
          </div>
        );
      })}
    </div>
  );
}
