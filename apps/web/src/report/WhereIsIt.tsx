import { useMemo, useRef, useState } from 'preact/hooks';
import { Field } from '../shared/components/Field';
import { useWords } from '../shared/i18n/residentWords';
import { currentPosition } from './currentPosition';
import { pointInWords } from './pointInWords';
import { addressField, type Point } from './reportFields';

/*
 * "Where is it?": an address, and the resident's current position if they are there now (the
 * browser's Geolocation, asked only on the button). There is no map to point at: the pages must
 * work with no internet and no map tiles are bundled, so the point is shown in words, with a
 * way to remove it. A refusal or failure is said plainly in a live region; the form stays usable.
 */

/** A point the resident chose to share, and how precise the browser said it was (metres). */
export interface SharedPoint {
  readonly point: Point;
  readonly accuracy: number | null;
}

interface WhereIsItProps {
  readonly idPrefix: string;
  readonly address: string;
  readonly addressProblem?: string;
  readonly onAddress: (address: string) => void;
  readonly shared: SharedPoint | null;
  readonly onShared: (shared: SharedPoint | null) => void;
  readonly disabled: boolean;
}

export function WhereIsIt({ idPrefix, address, addressProblem, onAddress, shared, onShared, disabled }: WhereIsItProps) {
  const words = useWords();
  const say = words.where;
  const spec = useMemo(() => addressField(words), [words]);
  const [locating, setLocating] = useState(false);
  const [said, setSaid] = useState<{ text: string; problem: boolean } | null>(null);
  const pointText = useRef<HTMLParagraphElement>(null);
  const useButton = useRef<HTMLButtonElement>(null);

  const locate = async () => {
    if (locating) return;
    setLocating(true);
    setSaid({ text: say.finding, problem: false });
    const located = await currentPosition();
    setLocating(false);
    if (!located.ok) {
      setSaid({ text: say.problems[located.problem], problem: true });
      return;
    }
    onShared({ point: located.point, accuracy: located.accuracy });
    setSaid({ text: say.added, problem: false });
    requestAnimationFrame(() => pointText.current?.focus());
  };

  const remove = () => {
    onShared(null);
    setSaid({ text: say.removed, problem: false });
    requestAnimationFrame(() => useButton.current?.focus());
  };

  return (
    <fieldset class="report-group">
      <legend>
        <h2>{say.heading}</h2>
      </legend>
      <p class="hint">{say.hint}</p>
      <Field spec={spec} idPrefix={idPrefix} value={address} problem={addressProblem} disabled={disabled} onChange={(value) => onAddress(String(value))} />
      <div class="report-location">
        {shared ? (
          <>
            <p class="report-point" tabIndex={-1} ref={pointText}>
              <strong>{say.yourLocation}</strong> {pointInWords(shared.point, shared.accuracy, say.point)}
            </p>
            <button type="button" class="button button-secondary" disabled={disabled} onClick={remove}>
              {say.remove}
              <span class="visually-hidden">{say.removeHidden}</span>
            </button>
          </>
        ) : (
          // Not disabled while locating: a disabled button would lose the keyboard's focus.
          <button type="button" class="button button-secondary" ref={useButton} disabled={disabled} aria-disabled={locating || undefined} onClick={() => void locate()}>
            {say.useMine}
          </button>
        )}
        <p class={`report-location-said${said?.problem ? ' field-error' : ''}`} role="status">
          {said?.text ?? ''}
        </p>
      </div>
    </fieldset>
  );
}
