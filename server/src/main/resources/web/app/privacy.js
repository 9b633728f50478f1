// What the owner and friends see of someone's listening, said in the same words where an invited
// friend reads it before making an account (the join page) and where each user chooses (Me → Your
// listening); the rules are docs/listening-stats.md's "Privacy and settings".
import {h} from '/app/dom.js';

export const OWNER_SEES = 'The owner of this server can see every user’s listening stats and listens, '
  + 'whatever you choose: the owner runs the server and its database.';
export const FRIENDS_SEE = 'Friends see nothing of your listening until you choose otherwise on Me → Your listening: '
  + 'nothing, your top lists, or everything including what you are playing now.';

export function privacyStatement() {
  return h('div', {class: 'muted small', id: 'privacy'}, h('p', {id: 'owner-sees'}, OWNER_SEES),
    h('p', {id: 'friends-see-default'}, FRIENDS_SEE));
}
