/** One issue and the steps the process allows now (to be built). */
export function IssuePage({ issueId }: { readonly issueId: string }) {
  return (
    <main id="main" tabIndex={-1}>
      <h1>Issue {issueId}</h1>
    </main>
  );
}
