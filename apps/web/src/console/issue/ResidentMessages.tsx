import { useEffect, useState } from 'preact/hooks';
import type { ResidentNotification } from '../../shared/contract';
import { useConsole } from '../consoleContext';
import { failureWords } from '../failureWords';
import { messageLine } from '../tasks/notificationWords';

/*
 * "Messages to the resident": what the system owes the person who raised the issue, one line
 * each ("Acknowledgement — email — sent 24 Nov 2026, 10:30"), oldest first. A failed one is
 * tagged Failed in words and set apart by its border, so it never rests on colour alone. Read
 * again whenever the issue moves on (`version`): a step that notifies adds a message.
 */
export function ResidentMessages({ issueId, version }: { readonly issueId: string; readonly version: number }) {
  const { api } = useConsole();
  const [messages, setMessages] = useState<readonly ResidentNotification[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    api.get<ResidentNotification[]>(`/issues/${encodeURIComponent(issueId)}/notifications`).then(
      (answer) => {
        if (!current) return;
        setMessages(answer);
        setProblem(null);
      },
      (error: unknown) => current && setProblem(`The messages could not be read. ${failureWords(error)}`),
    );
    return () => {
      current = false;
    };
  }, [api, issueId, version]);

  if (problem) {
    return (
      <div class="notice notice-error" role="alert">
        {problem}
      </div>
    );
  }
  if (messages === null) return <p>Loading the messages…</p>;
  if (messages.length === 0) return <p id="resident-messages-none">No messages to the resident yet.</p>;
  return (
    <ul class="resident-messages" id="resident-messages">
      {messages.map((message) => (
        <li key={message.id} class={`resident-message${message.status === 'failed' ? ' resident-message-failed' : ''}`} data-status={message.status}>
          {message.status === 'failed' ? <span class="tag tag-error">Failed</span> : null} {messageLine(message)}
        </li>
      ))}
    </ul>
  );
}
