/** The work queue (to be built). */
export function QueuePage() {
  return (
    <main id="main" tabIndex={-1}>
      <h1>Work queue</h1>
    </main>
  );
}
