import { ConversationState, type StoreItem, type TurnContext } from 'botbuilder';

/** Marks a turn that this server's own Direct Line channel delivered in-process. */
export const SELF_HOSTED_TURN = Symbol('self-hosted Direct Line turn');

/** A turn's state as read from the store, and its JSON as last read or saved. */
interface LoadedState {
  state: StoreItem;
  json: string;
}

/** The state without its eTag, as JSON: two equal texts mean nothing changed. */
const jsonOf = ({ eTag: _eTag, ...state }: StoreItem): string => JSON.stringify(state);

/**
 * Conversation state as botbuilder's ConversationState, with two differences.
 *
 * Its key says which door the turn came through. A self-hosted Direct Line conversation
 * is stored under `self-hosted/…`, which only a turn delivered in-process (with a valid
 * token) can reach: a caller of /api/messages who names `channelId: "directline"` and a
 * known conversation id lands in another key.
 *
 * It saves with the eTag the turn read. botbuilder's BotState writes with eTag '*' (the
 * last writer wins) and hashes the state three times a turn to see whether it changed.
 * Here, when another instance saved the conversation after this turn read it, the write
 * fails (ETagConflictError) and PolicyBot runs the turn again on what was saved; a change
 * is seen by comparing the state's JSON with what was read. The stores give a written
 * item its new eTag, so a turn may save twice. A conversation's very first save carries
 * no eTag (there was none to read), so two instances starting one at the same moment
 * still race: the later first turn wins.
 */
export class ChannelScopedConversationState extends ConversationState {
  private readonly loadedKey = Symbol('loaded conversation state');

  override getStorageKey(context: TurnContext): string | undefined {
    const key = super.getStorageKey(context);
    return context.turnState.get(SELF_HOSTED_TURN) ? `self-hosted/${key}` : key;
  }

  // Typed `any` as in BotState, whose property accessors read it.
  override async load(context: TurnContext, force = false): Promise<any> {
    const loaded = this.loaded(context);
    if (loaded && !force) return loaded.state;
    const key = await this.storageKey(context);
    const state = (await this.storage.read([key]))[key] ?? {};
    context.turnState.set(this.loadedKey, { state, json: jsonOf(state) } satisfies LoadedState);
    return state;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    let loaded = this.loaded(context);
    if (!loaded) {
      if (!force) return;
      loaded = { state: {}, json: '' };
      context.turnState.set(this.loadedKey, loaded);
    }
    const json = jsonOf(loaded.state);
    if (!force && json === loaded.json) return;
    await this.storage.write({ [await this.storageKey(context)]: loaded.state });
    loaded.json = json;
  }

  /** An empty state, written at the next save (still against the eTag read, if any). */
  override async clear(context: TurnContext): Promise<void> {
    const eTag = this.loaded(context)?.state.eTag;
    context.turnState.set(this.loadedKey, { state: eTag === undefined ? {} : { eTag }, json: '' } satisfies LoadedState);
  }

  override async delete(context: TurnContext): Promise<void> {
    context.turnState.delete(this.loadedKey);
    await this.storage.delete([await this.storageKey(context)]);
  }

  override get(context: TurnContext): any {
    return this.loaded(context)?.state;
  }

  private loaded(context: TurnContext): LoadedState | undefined {
    return context.turnState.get(this.loadedKey);
  }
}
