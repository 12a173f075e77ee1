/** Staff intake for issues received by phone, letter, email or at a meeting (to be built). */
export function IntakePage() {
  return (
    <main id="main" tabIndex={-1}>
      <h1>New issue</h1>
    </main>
  );
}
