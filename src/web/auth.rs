//! Who is asking: sign-in with argon2id passwords, server-side sessions,
//! session-bound form tokens against cross-site forgery, and API tokens.

use std::sync::LazyLock;

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use axum::extract::{FromRef, FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use subtle::ConstantTimeEq;
use time::OffsetDateTime;
use tower_sessions::Session;

use super::forms::FormFields;
use super::{ApiError, AppState, Error, paths};
use crate::domain::{Actor, Role};
use crate::i18n::t;
use crate::store::{Account, Store};

/// Consecutive failed sign-ins an account allows before each further
/// attempt must wait.
pub const FREE_ATTEMPTS: i64 = 5;
/// Sessions end this long after sign-in, however active.
pub const ABSOLUTE_LIFETIME: time::Duration = time::Duration::hours(12);
/// Sessions end after this long without a request.
pub const IDLE_LIFETIME: time::Duration = time::Duration::minutes(30);

const CSRF_KEY: &str = "csrf";
const SIGNED_IN_AT_KEY: &str = "signed_in_at";

/// How long an account must wait before the next attempt after `failures`
/// consecutive failed sign-ins: nothing for the first few, then 30 seconds,
/// doubling to at most 15 minutes. Slows guessing to a crawl while a person
/// who mistyped a few times is hardly delayed.
pub fn sign_in_pause(failures: i64) -> time::Duration {
    if failures < FREE_ATTEMPTS {
        return time::Duration::ZERO;
    }
    let doublings = (failures - FREE_ATTEMPTS).min(5) as u32;
    time::Duration::seconds(30 * 2i64.pow(doublings)).min(time::Duration::minutes(15))
}

/// Hashes a password with argon2id (m=19 MiB, t=2, p=1; OWASP's minimum).
pub async fn hash_password(password: String) -> Result<String, Error> {
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .hash_password(password.as_bytes())
            .map(|hash| hash.to_string())
            .map_err(|err| Error::Internal(anyhow::anyhow!("cannot hash a password: {err}")))
    })
    .await
    .map_err(|err| Error::Internal(err.into()))?
}

/// Whether `password` matches the stored PHC string `hash`.
pub async fn verify_password(password: String, hash: Option<String>) -> Result<bool, Error> {
    tokio::task::spawn_blocking(move || {
        // With no account (or no password yet) a hash of the same cost is
        // still checked, so the answer takes as long either way and does not
        // tell which addresses have accounts.
        let hash = hash.unwrap_or_else(|| DUMMY_HASH.clone());
        let Ok(parsed) = PasswordHash::new(&hash) else {
            return false;
        };
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
    .await
    .map_err(|err| Error::Internal(err.into()))
}

/// The argon2id hash, with the default parameters, of a random secret
/// nobody knows.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    Argon2::default()
        .hash_password(crate::store::new_secret().as_bytes())
        .map(|hash| hash.to_string())
        .unwrap_or_default()
});

/// A signed-in person, as axum-login knows them.
#[derive(Debug, Clone)]
pub struct User(pub Account);

impl axum_login::AuthUser for User {
    type Id = i64;

    fn id(&self) -> i64 {
        self.0.id
    }

    /// Sessions carry this; when the password changes it no longer
    /// matches and every other session of the person ends.
    fn session_auth_hash(&self) -> &[u8] {
        self.0
            .password_hash
            .as_deref()
            .unwrap_or_default()
            .as_bytes()
    }
}

/// Looks people up for axum-login.
#[derive(Debug, Clone)]
pub struct Backend {
    store: Store,
}

impl Backend {
    /// A backend over the store.
    pub fn new(store: Store) -> Self {
        Backend { store }
    }
}

/// E-mail and password as typed.
#[derive(Debug, Clone)]
pub struct Credentials {
    /// The e-mail address.
    pub email: String,
    /// The password.
    pub password: String,
}

/// Why a sign-in did not succeed.
#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    /// Too many recent failures for this account.
    #[error("too many failed sign-ins; wait {0} seconds")]
    Throttled(i64),
    /// The store or hashing failed.
    #[error(transparent)]
    Failed(#[from] Error),
}

impl axum_login::AuthnBackend for Backend {
    type User = User;
    type Credentials = Credentials;
    type Error = SignInError;

    /// Checks the credentials; slows down an account after repeated
    /// failures, before looking at the password.
    async fn authenticate(&self, creds: Credentials) -> Result<Option<User>, SignInError> {
        let account = self
            .store
            .account_by_email(&creds.email)
            .await
            .map_err(Error::from)?;
        // By the address typed, whether or not an account has it, so that
        // being slowed down tells nothing.
        let (failures, last) = self
            .store
            .sign_in_failures(&creds.email)
            .await
            .map_err(Error::from)?;
        if let Some(last) = last {
            let wait = last + sign_in_pause(failures) - OffsetDateTime::now_utc();
            if wait.is_positive() {
                return Err(SignInError::Throttled(wait.whole_seconds().max(1)));
            }
        }
        let usable = account.as_ref().filter(|a| !a.disabled);
        let hash = usable.and_then(|a| a.password_hash.clone());
        let matches = verify_password(creds.password, hash).await?;
        match account {
            Some(account) if matches && !account.disabled => {
                if failures > 0 {
                    self.store
                        .clear_failed_sign_ins(&creds.email)
                        .await
                        .map_err(Error::from)?;
                }
                Ok(Some(User(account)))
            }
            _ => {
                self.store
                    .record_failed_sign_in(&creds.email)
                    .await
                    .map_err(Error::from)?;
                Ok(None)
            }
        }
    }

    async fn get_user(&self, id: &i64) -> Result<Option<User>, SignInError> {
        let account = self.store.account(*id).await.map_err(Error::from)?;
        Ok(account.filter(|a| !a.disabled).map(User))
    }
}

/// axum-login's view of the request's session.
pub type AuthSession = axum_login::AuthSession<Backend>;

/// Marks the session as signed in now, with a fresh form token.
pub async fn start_session(auth: &mut AuthSession, user: &User) -> Result<(), Error> {
    // login() gives the session a new id (against session fixation).
    auth.login(user).await.map_err(auth_error)?;
    auth.session
        .insert(SIGNED_IN_AT_KEY, OffsetDateTime::now_utc().unix_timestamp())
        .await
        .map_err(session_error)?;
    auth.session
        .insert(CSRF_KEY, crate::store::new_secret())
        .await
        .map_err(session_error)?;
    Ok(())
}

fn auth_error(err: axum_login::Error<Backend>) -> Error {
    Error::Internal(anyhow::anyhow!("session error: {err:?}"))
}

fn session_error(err: tower_sessions::session::Error) -> Error {
    Error::Internal(anyhow::anyhow!("session error: {err}"))
}

/// Ends sessions older than [`ABSOLUTE_LIFETIME`], however active they
/// were, and keeps pages shown to a signed-in person out of shared caches.
pub async fn guard_sessions(mut request: Request, next: Next) -> Response {
    let mut signed_in = false;
    if let Some(auth) = request.extensions_mut().get_mut::<AuthSession>()
        && auth.user.is_some()
    {
        signed_in = true;
        let signed_in_at: Option<i64> = auth.session.get(SIGNED_IN_AT_KEY).await.ok().flatten();
        let expired = signed_in_at.is_none_or(|at| {
            OffsetDateTime::now_utc().unix_timestamp() - at > ABSOLUTE_LIFETIME.whole_seconds()
        });
        if expired && let Err(err) = auth.logout().await {
            return auth_error(err).into_response();
        }
    }
    let mut response = next.run(request).await;
    // Static files keep their own long lifetime.
    if signed_in
        && !response
            .headers()
            .contains_key(axum::http::header::CACHE_CONTROL)
    {
        response.headers_mut().insert(
            axum::http::header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("private, no-store"),
        );
    }
    response
}

/// The session's form token, created on first use.
pub async fn form_token(session: &Session) -> Result<String, Error> {
    if let Some(token) = session
        .get::<String>(CSRF_KEY)
        .await
        .map_err(session_error)?
    {
        return Ok(token);
    }
    let token = crate::store::new_secret();
    session
        .insert(CSRF_KEY, token.clone())
        .await
        .map_err(session_error)?;
    Ok(token)
}

/// Refuses a form whose token is not the session's.
pub(crate) async fn check_form_token(
    session: &Session,
    submitted: Option<&str>,
) -> Result<(), Error> {
    let expected: Option<String> = session.get(CSRF_KEY).await.map_err(session_error)?;
    let valid = match (expected, submitted) {
        (Some(expected), Some(submitted)) => {
            bool::from(expected.as_bytes().ct_eq(submitted.as_bytes()))
        }
        _ => false,
    };
    if valid {
        Ok(())
    } else {
        Err(Error::Forbidden(t!("error-form-expired").to_owned()))
    }
}

/// A submitted form whose token is this session's. Handlers that change
/// anything take their form as this, so none can forget the check.
#[derive(Debug)]
pub struct CheckedForm(pub FormFields);

impl<S: Send + Sync> FromRequest<S> for CheckedForm {
    type Rejection = Error;

    async fn from_request(request: Request, state: &S) -> Result<Self, Error> {
        let (mut parts, body) = request.into_parts();
        let session = Session::from_request_parts(&mut parts, state)
            .await
            .map_err(|(_, why)| Error::Internal(anyhow::anyhow!("no session: {why}")))?;
        let form = FormFields::from_request(Request::from_parts(parts, body), state).await?;
        check_form_token(&session, form.form_token()).await?;
        Ok(CheckedForm(form))
    }
}

/// Who is looking at a page: a signed-in person with their form token, or
/// nobody in particular.
#[derive(Debug, Clone, Default)]
pub struct Viewer {
    /// The signed-in person.
    pub account: Option<Account>,
    /// The session's form token (for the sign-out button), when signed in.
    pub form_token: Option<String>,
}

impl Viewer {
    /// Whether the viewer is the Secretariat.
    pub fn is_secretariat(&self) -> bool {
        self.account
            .as_ref()
            .is_some_and(|a| a.role == Role::Secretariat)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Viewer {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Error> {
        let Ok(auth) = AuthSession::from_request_parts(parts, state).await else {
            return Ok(Viewer::default());
        };
        let Some(User(account)) = auth.user else {
            return Ok(Viewer::default());
        };
        Ok(Viewer {
            form_token: Some(form_token(&auth.session).await?),
            account: Some(account),
        })
    }
}

/// A signed-in person, for pages that need one; anyone else is sent to
/// the sign-in page and brought back afterwards.
#[derive(Debug, Clone)]
pub struct SignedIn {
    /// The person.
    pub account: Account,
    /// Their session.
    pub session: Session,
    /// The session's form token.
    pub form_token: String,
}

impl SignedIn {
    /// The person as an actor on listings.
    pub fn actor(&self) -> Actor {
        self.account.actor()
    }

    /// The viewer for page frames.
    pub fn viewer(&self) -> Viewer {
        Viewer {
            account: Some(self.account.clone()),
            form_token: Some(self.form_token.clone()),
        }
    }

    /// Refuses anyone but the Secretariat.
    pub fn require_secretariat(&self) -> Result<(), Error> {
        if self.account.role == Role::Secretariat {
            Ok(())
        } else {
            tracing::warn!(
                target: "catalogue::access",
                user = self.account.id,
                "refused: a Secretariat page asked for by a contributor"
            );
            Err(Error::Forbidden(t!("error-secretariat-only").to_owned()))
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Response> {
        let auth = AuthSession::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let Some(User(account)) = auth.user else {
            let back = parts
                .uri
                .path_and_query()
                .map_or(paths::DASHBOARD, |p| p.as_str());
            // After a POST there is nothing to come back to but the page
            // the form was on, which the person opens again.
            let back = if parts.method == axum::http::Method::GET {
                back
            } else {
                paths::DASHBOARD
            };
            return Err(Redirect::to(&paths::sign_in_then(back)).into_response());
        };
        let form_token = form_token(&auth.session)
            .await
            .map_err(IntoResponse::into_response)?;
        Ok(SignedIn {
            account,
            session: auth.session,
            form_token,
        })
    }
}

/// The token of `Authorization: Bearer <token>`, if the request sends one.
pub fn bearer_token(headers: &axum::http::HeaderMap) -> Option<&str> {
    headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|h| h.strip_prefix("Bearer "))
        .map(str::trim)
}

/// The holder of a valid API token (`Authorization: Bearer ...`).
#[derive(Debug, Clone)]
pub struct ApiCaller(pub Account);

impl<S> FromRequestParts<S> for ApiCaller
where
    S: Send + Sync,
    AppState: FromRef<S>,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let state = AppState::from_ref(state);
        let Some(token) = bearer_token(&parts.headers) else {
            return Err(ApiError(Error::Unauthorized(
                "Send an API token: Authorization: Bearer <token>. An operator creates one with `catalogue token create --email <you>`."
                    .to_owned(),
            )));
        };
        match state.store.account_by_token(token).await? {
            Some(account) => Ok(ApiCaller(account)),
            None => Err(ApiError(Error::Unauthorized(
                "This API token is not valid (mistyped, or its account was disabled). Ask an operator for a new one."
                    .to_owned(),
            ))),
        }
    }
}
