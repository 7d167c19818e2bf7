// #/account: who is signed in, sign out, change the password, API tokens for scripts.
import { h } from '../dom';
import type { Route } from '../util';
import { ws } from './client';
import { requireSession, rerender, signOut, isIndexTeam } from './session';
import { message, workspaceNav } from './ui';

export async function renderAccount(view: HTMLElement, _route: Route): Promise<void> {
  const me = await requireSession(view);
  if (!me) return;
  const out = h('div', { id: 'account-status' });
  const current = h('input', { id: 'pw-current', type: 'password', autocomplete: 'current-password', required: true });
  const next = h('input', { id: 'pw-new', type: 'password', autocomplete: 'new-password', minlength: 10, required: true });
  const password = h('form', { class: 'panel ws-form', 'aria-labelledby': 'pw-title' },
    h('h2', { id: 'pw-title' }, 'Change password'),
    h('label', { class: 'field' }, h('span', {}, 'Current password'), current),
    h('label', { class: 'field' }, h('span', {}, 'New password (10 characters or more)'), next),
    h('button', { class: 'button', type: 'submit' }, 'Change password'),
    h('p', { class: 'note' }, 'Changing it ends every session of yours, this one too.'));
  password.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await ws.password(current.value, next.value);
      await signOut();
      rerender();
    } catch (err) { out.replaceChildren(message((err as Error).message, 'error')); }
  });

  const tokenList = h('ul', { class: 'plain', id: 'token-list' });
  const label = h('input', { id: 'token-label', required: true, placeholder: 'e.g. nightly import' });
  const issue = h('form', { class: 'inline-form' }, h('label', { class: 'field' }, h('span', {}, 'Label'), label),
    h('button', { class: 'button', type: 'submit' }, 'Issue a token'));
  const listTokens = async () => {
    const { tokens } = await ws.tokens();
    tokenList.replaceChildren(...(tokens.length ? tokens.map((t) => h('li', {},
      `${t.label} · ${t.created_at.slice(0, 16).replace('T', ' ')}${t.revoked ? ' · revoked' : ''} `,
      t.revoked ? null : h('button', { class: 'link-button', onclick: async () => { await ws.revokeToken(t.id); await listTokens(); } }, `Revoke ${t.label}`)))
      : [h('li', { class: 'note' }, 'No tokens.')]));
  };
  issue.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const t = await ws.issueToken(label.value.trim());
      out.replaceChildren(h('div', { class: 'msg msg-warn', role: 'status' }, 'Copy the token now: it is shown only once. ',
        h('code', { id: 'token-secret' }, t.token)));
      label.value = '';
      await listTokens();
    } catch (err) { out.replaceChildren(message((err as Error).message, 'error')); }
  });
  view.append(
    h('h1', {}, 'Account'),
    workspaceNav('account', null, isIndexTeam(me)),
    out,
    h('section', { class: 'panel' }, h('p', {}, 'Signed in as ', h('strong', { id: 'me' }, me.user), ` (${me.role}).`),
      h('button', { class: 'button', id: 'signout', onclick: async () => { await signOut(); rerender(); } }, 'Sign out')),
    password,
    h('section', { class: 'panel', 'aria-labelledby': 'tokens-title' }, h('h2', { id: 'tokens-title' }, 'API tokens'),
      h('p', { class: 'note' }, 'Scripts send a token as "Authorization: Bearer …" instead of signing in.'), issue, tokenList));
  await listTokens();
}
