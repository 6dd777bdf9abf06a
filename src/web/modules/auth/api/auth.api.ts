import type {
  ChangePasswordRequest,
  CurrentUser,
  LoginRequest,
  SessionResponse,
  UpdatePreferencesRequest,
} from '#shared/contracts/auth.contract';
import { api, isApiError, setCsrfToken } from '#web/lib/api-client';

type Ok = { ok: true };

/** The current session, or null when nobody is signed in (the server answers 401). */
export async function fetchSession(): Promise<SessionResponse | null> {
  try {
    const session = await api.get<SessionResponse>('/auth/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Signs in; the session cookie is set by the server and the CSRF token is remembered here. */
export async function login(request: LoginRequest): Promise<SessionResponse> {
  const session = await api.post<SessionResponse>('/auth/login', request);
  setCsrfToken(session.csrfToken);
  return session;
}

/** Ends the session on the server. */
export async function logout(): Promise<Ok> {
  try {
    return await api.post<Ok>('/auth/logout');
  } finally {
    setCsrfToken(null);
  }
}

/** Changes the signed-in user's own password. */
export function changePassword(request: ChangePasswordRequest): Promise<Ok> {
  return api.post<Ok>('/me/password', request);
}

/** Stores the user's interface language on the server. */
export function updatePreferences(request: UpdatePreferencesRequest): Promise<CurrentUser> {
  return api.patch<CurrentUser>('/me/preferences', request);
}
