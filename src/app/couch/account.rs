//! Who is asking: the server check, signing in and out, and the people of
//! a database (its security object, server users).

use super::{Auth, Couch, base64, encode_id};
use crate::sync::protocol::{self, Session, SyncError, UserCtx};
use crate::sync::roles::{self, Security};
use serde_json::json;

impl Couch {
    /// Checks that the address is a CouchDB server.
    pub async fn welcome(&self) -> Result<(), SyncError> {
        let (status, body) = self.call("GET", &self.server.join(""), None).await?;
        if status == 200 && protocol::is_couch(&body) {
            Ok(())
        } else {
            Err(SyncError::NotCouch)
        }
    }

    /// Signs in: the session cookie when the browser keeps it, else the
    /// credentials in memory.
    pub async fn sign_in(&self, user: &str, password: &str) -> Result<UserCtx, SyncError> {
        *self.auth.borrow_mut() = Auth::Cookie;
        let body = json!({ "name": user, "password": password });
        let (status, reply) = self
            .call("POST", &self.server.join("_session"), Some(&body))
            .await?;
        if status != 200 {
            *self.auth.borrow_mut() = Auth::None;
            return Err(self.fail(status, &reply));
        }
        let session = self.session().await?;
        if session.name.as_deref() == Some(user) {
            return Ok(session);
        }
        // The browser did not keep the cookie: credentials in memory.
        let token = base64(format!("{user}:{password}").as_bytes());
        *self.auth.borrow_mut() = Auth::Basic(token);
        let session = self.session().await?;
        if session.name.as_deref() == Some(user) {
            Ok(session)
        } else {
            *self.auth.borrow_mut() = Auth::None;
            Err(SyncError::Unauthorized)
        }
    }

    /// Who the server thinks is asking.
    pub async fn session(&self) -> Result<UserCtx, SyncError> {
        let (status, body) = self
            .call("GET", &self.server.join("_session"), None)
            .await?;
        if status != 200 {
            return Err(self.fail(status, &body));
        }
        let s: Session = crate::json::from_value(body).unwrap_or_default();
        Ok(s.user_ctx)
    }

    /// Ends the session.
    pub async fn sign_out(&self) {
        let _ = self
            .call("DELETE", &self.server.join("_session"), None)
            .await;
        *self.auth.borrow_mut() = Auth::None;
    }

    /// The database's security object.
    pub async fn security(&self) -> Result<Security, SyncError> {
        let (status, body) = self.call("GET", &self.db_url("_security"), None).await?;
        match status {
            200 => Ok(crate::json::from_value(body).unwrap_or_default()),
            _ => Err(self.fail(status, &body)),
        }
    }

    /// Replaces the security object.
    pub async fn set_security(&self, security: &Security) -> Result<(), SyncError> {
        let body = crate::json::to_value(security).unwrap_or_default();
        let (status, reply) = self
            .call("PUT", &self.db_url("_security"), Some(&body))
            .await?;
        match status {
            200 | 201 => Ok(()),
            _ => Err(self.fail(status, &reply)),
        }
    }

    /// Whether the server has user `name`: `None` when this session may
    /// not look (only server admins read `_users`).
    pub async fn user_exists(&self, name: &str) -> Result<Option<bool>, SyncError> {
        let url = self.server.join(&format!(
            "_users/{}",
            encode_id(&format!("org.couchdb.user:{name}"))
        ));
        let (status, body) = self.call("GET", &url, None).await?;
        match status {
            200 => Ok(Some(true)),
            404 => Ok(Some(false)),
            401 | 403 => Ok(None),
            _ => Err(self.fail(status, &body)),
        }
    }

    /// Creates a server user (false: the user already exists).
    pub async fn create_user(&self, name: &str, password: &str) -> Result<bool, SyncError> {
        let doc = roles::user_doc(name, password);
        let url = self.server.join(&format!(
            "_users/{}",
            encode_id(doc["_id"].as_str().unwrap_or_default())
        ));
        let (status, body) = self.call("PUT", &url, Some(&doc)).await?;
        match status {
            200..=202 => Ok(true),
            409 => Ok(false),
            401 | 403 => Err(SyncError::NeedsAdmin),
            _ => Err(self.fail(status, &body)),
        }
    }
}
