/**
 * The moderator's sign-in: the token lives in sessionStorage, so it leaves with the tab and is
 * never kept on a shared phone; the API checks it on every request.
 */
import { ref } from 'vue';

const KEY = 'gongkai.moderatorToken';

function read(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null; // storage disabled (private mode): signed out
  }
}

export const moderatorToken = ref<string | null>(read());

export function signIn(token: string): void {
  moderatorToken.value = token.trim();
  try {
    sessionStorage.setItem(KEY, moderatorToken.value);
  } catch {
    // Kept in memory for this page only.
  }
}

export function signOut(): void {
  moderatorToken.value = null;
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
}
