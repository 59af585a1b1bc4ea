/** A button under a reply; clicking it sends `value` back as the user's message. */
export interface ReplyAction {
  title: string;
  value: string;
}

/**
 * A reply as plain data: markdown text and buttons. The bot turns it into an
 * activity, the CLI prints it, tests read it.
 */
export interface Reply {
  text: string;
  actions?: ReplyAction[];
}
