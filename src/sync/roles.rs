//! Roles, enforced by the server: who may read and who may write.
//!
//! - The database's `_security` object lists the workspace's admins and its
//!   members (everyone who may read: members and viewers). A user removed
//!   from it is refused by the server at their next request.
//! - The design document `_design/leadpact` holds a `validate_doc_update`
//!   function that refuses every write by a viewer, any change to a design
//!   document by a non-admin, and any edit of an activity (activities are
//!   written once; deleting one is allowed). The viewers are written into the
//!   function itself, and repeated in `viewers` for the app to read, because
//!   CouchDB-compatible servers do not all pass the security object to the
//!   function for bulk writes (PouchDB Server gives it empty), while every
//!   server passes the user.
//!
//! The app only reflects these roles (disabled edits for a viewer); the
//! server is what refuses.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::ledger::Role;

/// The design document's id.
pub const DESIGN: &str = super::doc::DESIGN;

/// The design document for these viewers (`rev`: the stored one's, to replace it).
pub fn design_doc(viewers: &[String], rev: Option<&str>) -> Value {
    let list = serde_json::to_string(viewers).expect("names serialise");
    let validate = format!(
        "function (newDoc, oldDoc, userCtx) {{\n\
         \x20 if (userCtx.roles.indexOf('_admin') !== -1) return;\n\
         \x20 var viewers = {list};\n\
         \x20 if (viewers.indexOf(userCtx.name) !== -1) throw({{forbidden: 'viewers of this workspace cannot change it'}});\n\
         \x20 if (newDoc._id.indexOf('_design/') === 0) throw({{forbidden: 'only the workspace admin changes its rules'}});\n\
         \x20 if (oldDoc && !oldDoc._deleted && oldDoc.type === 'activity' && !newDoc._deleted) throw({{forbidden: 'activities are written once and never edited'}});\n\
         }}"
    );
    let mut doc = json!({
        "_id": DESIGN,
        "language": "javascript",
        "validate_doc_update": validate,
        "viewers": viewers,
    });
    if let Some(rev) = rev {
        doc["_rev"] = Value::from(rev);
    }
    doc
}

/// The viewers a design document names.
pub fn viewers_of(design: &Value) -> Vec<String> {
    crate::json::from_value(design["viewers"].clone()).unwrap_or_default()
}

/// A section of the security object.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Names {
    /// User names.
    #[serde(default)]
    pub names: Vec<String>,
    /// Role names.
    #[serde(default)]
    pub roles: Vec<String>,
}

/// A database's `_security` object (fields it does not name are kept).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Security {
    /// Who administers the database.
    #[serde(default)]
    pub admins: Names,
    /// Who may read it (members and viewers).
    #[serde(default)]
    pub members: Names,
    /// Anything else.
    #[serde(flatten)]
    pub other: serde_json::Map<String, Value>,
}

impl Security {
    /// A new workspace's: `admin` administers and is a member.
    pub fn founded_by(admin: &str) -> Security {
        Security {
            admins: Names {
                names: vec![admin.to_owned()],
                roles: vec![],
            },
            members: Names {
                names: vec![admin.to_owned()],
                roles: vec![],
            },
            other: Default::default(),
        }
    }

    /// Lets `user` in (once).
    pub fn admit(&mut self, user: &str) {
        if !self.members.names.iter().any(|n| n == user) {
            self.members.names.push(user.to_owned());
        }
    }

    /// Takes `user` out (their next request is refused).
    pub fn remove(&mut self, user: &str) {
        self.members.names.retain(|n| n != user);
        self.admins.names.retain(|n| n != user);
    }
}

/// A user's role in a workspace: an admin of the server or of the
/// database, a viewer the guard names, or a member.
pub fn role_of(
    user: &str,
    server_roles: &[String],
    security: &Security,
    viewers: &[String],
) -> Role {
    if server_roles.iter().any(|r| r == "_admin") || security.admins.names.iter().any(|n| n == user)
    {
        Role::Admin
    } else if viewers.iter().any(|v| v == user) {
        Role::Viewer
    } else {
        Role::Member
    }
}

/// The `_users` document that creates a user.
pub fn user_doc(name: &str, password: &str) -> Value {
    json!({
        "_id": format!("org.couchdb.user:{name}"),
        "name": name,
        "password": password,
        "roles": [],
        "type": "user",
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_guard_names_its_viewers_and_roles_follow_the_server() {
        let doc = design_doc(&["victor".into()], Some("2-a"));
        assert_eq!(doc["_rev"], "2-a");
        let f = doc["validate_doc_update"].as_str().unwrap();
        assert!(f.contains(r#"var viewers = ["victor"];"#), "{f}");
        assert!(f.contains("throw({forbidden:"), "{f}");
        assert_eq!(viewers_of(&doc), ["victor"]);
        let mut sec = Security::founded_by("founder");
        sec.admit("lan");
        sec.admit("victor");
        sec.admit("lan");
        assert_eq!(sec.members.names, ["founder", "lan", "victor"]);
        assert_eq!(
            role_of("founder", &[], &sec, &["victor".into()]),
            Role::Admin
        );
        assert_eq!(role_of("lan", &[], &sec, &["victor".into()]), Role::Member);
        assert_eq!(
            role_of("victor", &[], &sec, &["victor".into()]),
            Role::Viewer
        );
        assert_eq!(role_of("root", &["_admin".into()], &sec, &[]), Role::Admin);
        sec.remove("lan");
        assert_eq!(sec.members.names, ["founder", "victor"]);
        let text = r#"{"admins":{"names":["a"]},"members":{"names":[]},"couchdb_auth_only":true}"#;
        let kept: Security = serde_json::from_str(text).unwrap();
        assert_eq!(kept.other["couchdb_auth_only"], true, "unknown fields kept");
    }
}
