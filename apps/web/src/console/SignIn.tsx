import { useState } from 'preact/hooks';

/*
 * Sign-in: paste the bearer token once (or arrive with `#token=` from the council's single
 * sign-on proxy, which skips this form). The token stays in this tab only.
 */
interface SignInProps {
  readonly problem: string | null;
  readonly onToken: (token: string) => void;
}

export function SignIn({ problem, onToken }: SignInProps) {
  const [token, setToken] = useState('');
  const [empty, setEmpty] = useState(false);
  return (
    <main id="main" class="narrow">
      <h1>Sign in to the staff console</h1>
      <p>
        Paste the access token your council gave you. It is kept in this browser tab only, and forgotten when you close it or sign out.
      </p>
      {problem ? (
        <div class="notice notice-error" role="alert">
          {problem}
        </div>
      ) : null}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const trimmed = token.trim();
          if (trimmed === '') return setEmpty(true);
          onToken(trimmed);
        }}
        noValidate
      >
        <div class={`field${empty ? ' has-error' : ''}`}>
          <label for="sign-in-token">Access token</label>
          {empty ? (
            <p id="sign-in-token-error" class="field-error">
              <span class="visually-hidden">Error: </span>Paste your access token
            </p>
          ) : null}
          <textarea
            id="sign-in-token"
            rows={4}
            spellcheck={false}
            autocomplete="off"
            aria-invalid={empty || undefined}
            aria-describedby={empty ? 'sign-in-token-error' : undefined}
            value={token}
            onInput={(event) => {
              setToken((event.currentTarget as HTMLTextAreaElement).value);
              setEmpty(false);
            }}
          />
        </div>
        <button type="submit" class="button">
          Sign in
        </button>
      </form>
    </main>
  );
}
