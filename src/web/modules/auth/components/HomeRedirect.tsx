import { Navigate } from 'react-router';
import { useCurrentUser } from '../hooks/useSession';
import { homeOf } from '../home';

/** The app's root: sends the signed-in user to their home page (see {@link homeOf}). */
export function HomeRedirect() {
  const user = useCurrentUser();
  return <Navigate to={homeOf(user.role)} replace />;
}
