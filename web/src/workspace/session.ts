// Who is signed in. Every workspace page starts with requireSession: without a session
// it shows the sign-in form instead and comes back to the page after signing in.
import { ApiError } from '../api';
import { h } from '../dom';
import { csrf, ws } from './client';
import { flushDrafts } from './autosave';

export interface Me { user: string; role: string }

let me: Me | null = null;

/** The signed-in user, or null (asks the server once per page load, and after sign-in or out). */
export async function currentUser(): Promise<Me | null> {
  if (me) return me;
  try {
    me = await ws.session();
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
  return me;
}

export function forget(): void { me = null; }

export async function signIn(user: string, password: string): Promise<Me> {
  const session = await ws.signIn(user, password);
  csrf.set(session.csrf_token);
  me = { user: session.user, role: session.role };
  void flushDrafts(me.user);  // drafts kept while signed out
  return me;
}

export async function signOut(): Promise<void> {
  await ws.signOut().catch(() => {});
  csrf.clear();
  me = null;
}

export const isIndexTeam = (m: Me) => m.role === 'coordinator' || m.role === 'admin';

/** The sign-in form; `done` runs after a successful sign-in. */
export function signInForm(done: () => void): HTMLElement {
  const status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const user = h('input', { id: 'signin-user', name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { id: 'signin-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form = h('form', { class: 'panel ws-form signin', 'aria-labelledby': 'signin-title' },
    h('h1', { id: 'signin-title' }, 'Sign in to the workspace'),
    h('p', { class: 'note' }, 'Experts, reviewers and the index team score, review and publish assessment rounds here.'),
    h('label', { class: 'field' }, h('span', {}, 'User name'), user),
    h('label', { class: 'field' }, h('span', {}, 'Password'), password),
    h('button', { class: 'button', type: 'submit', id: 'signin-submit' }, 'Sign in'),
    status);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    status.textContent = 'Signing in…';
    status.classList.remove('error-text');
    try {
      await signIn(user.value.trim(), password.value);
      done();
    } catch (err) {
      status.textContent = (err as Error).message;
      status.classList.add('error-text');
      password.select();
    }
  });
  return form;
}

/** Renders the current page again (the router listens for hash changes). */
export const rerender = () => window.dispatchEvent(new HashChangeEvent('hashchange'));

/** The user, or null after rendering the sign-in form into `view` (which re-renders the page once signed in). */
export async function requireSession(view: HTMLElement): Promise<Me | null> {
  const m = await currentUser();
  if (m) return m;
  view.append(signInForm(rerender));
  return null;
}
