import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type Dialog, type DialogState, type DialogStateManagerConfiguration } from 'botbuilder-dialogs';

/** The turnState key under which botbuilder-dialogs (4.23) looks for its state manager configuration. */
const DIALOG_STATE_MANAGER_CONFIGURATION = 'DialogStateManagerConfiguration';

/**
 * Runs `dialog` as the root of each turn, as botbuilder's samples do (the DialogSet made
 * once, not per turn): continues it, or begins it when nothing is active.
 */
export function dialogRunner(dialog: Dialog, dialogState: StatePropertyAccessor<DialogState>): (context: TurnContext) => Promise<void> {
  const dialogSet = new DialogSet(dialogState);
  dialogSet.add(dialog);
  let configuration: DialogStateManagerConfiguration | undefined;
  return async (context) => {
    // botbuilder-dialogs rebuilds its memory scopes and path resolvers for every turn (a
    // twentieth of a question turn) unless the turn already holds them; they never change.
    if (configuration) context.turnState.set(DIALOG_STATE_MANAGER_CONFIGURATION, configuration);
    const dc = await dialogSet.createContext(context);
    configuration ??= dc.state.configuration;
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(dialog.id);
  };
}
