/** The console: signs in with an API key, then shows the navigation shell and the page for the current route. */
import { useCallback, useEffect, useState } from 'react';
import { onUnauthorized, setApiKey } from './api/client';
import { Shell } from './Shell';
import { SignIn } from './SignIn';
import { adoptKeyFromUrl, storedKey, storeKey } from './lib/auth';

/** Read once per page load: React may call state initialisers twice, and the URL key is gone after the first. */
let firstKey: string | null | undefined;
function initialKey(): string | null {
  if (firstKey === undefined) firstKey = adoptKeyFromUrl() ?? storedKey();
  setApiKey(firstKey);
  return firstKey;
}

export function App() {
  const [key, setKey] = useState<string | null>(initialKey);
  const [notice, setNotice] = useState<string | null>(null);

  const signOut = useCallback((message: string | null = null) => {
    storeKey(null);
    setApiKey(null);
    setKey(null);
    setNotice(message);
  }, []);

  useEffect(() => {
    onUnauthorized(() => signOut('The API refused this key (401). It may have been revoked: sign in again.'));
    return () => onUnauthorized(null);
  }, [signOut]);

  const signIn = useCallback((k: string) => {
    storeKey(k);
    setApiKey(k);
    setNotice(null);
    setKey(k);
  }, []);

  // A sign-in link pasted into a tab that already runs the console only changes the hash.
  useEffect(() => {
    const adopt = () => {
      const k = adoptKeyFromUrl();
      if (k) signIn(k);
    };
    window.addEventListener('hashchange', adopt);
    return () => window.removeEventListener('hashchange', adopt);
  }, [signIn]);

  if (!key) return <SignIn onSignIn={signIn} notice={notice} />;
  return <Shell onSignOut={() => signOut(null)} />;
}
