//! Roles, enforced by the server: who may read and who may write.
//!
//! - The database's `_security` object lists the workspace's admins and its
//!   members (everyone who may read: members and viewers). A user removed
//!   from it is refused by the server at their next request.
//! - The design document `_design/leadpact` holds a `validate_doc_update`
//!   function that refuses every write by a viewer, any change to a design
//!   document by a non-admin, any edit of an activity (activities are
//!   written once; deleting one is allowed), any write by an auditor but a
//!   new audit (`domain::audit`), an audit written by anyone but an admin
//!   or an auditor, and an audit deleted (with its lead) by anyone but an
//!   admin. The viewers, auditors and the database's admins
//!   are written into the function itself (the first two repeated in
//!   `viewers` and `auditors` for the app to read), because
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

/// Who has a role of their own in the workspace, as its design document
/// names them (everyone else the `_security` object lets in is a member,
/// or an admin).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Roster {
    /// Read only.
    pub viewers: Vec<String>,
    /// Record audits and change nothing else.
    pub auditors: Vec<String>,
}

impl Roster {
    /// The roster a design document names (none without one).
    pub fn of(design: Option<&Value>) -> Roster {
        let list = |key: &str| {
            design
                .and_then(|d| crate::json::from_value(d[key].clone()).ok())
                .unwrap_or_default()
        };
        Roster {
            viewers: list("viewers"),
            auditors: list("auditors"),
        }
    }

    /// Gives `name` this role (member, viewer or auditor: an admin's is the
    /// security object's).
    pub fn set(&mut self, name: &str, role: Role) {
        self.viewers.retain(|v| v != name);
        self.auditors.retain(|v| v != name);
        match role {
            Role::Viewer => self.viewers.push(name.to_owned()),
            Role::Auditor => self.auditors.push(name.to_owned()),
            Role::Member | Role::Admin => {}
        }
    }
}

/// The design document for this roster and these database admins (`rev`:
/// the stored one's, to replace it).
pub fn design_doc(roster: &Roster, admins: &[String], rev: Option<&str>) -> Value {
    let names = |l: &[String]| serde_json::to_string(l).expect("names serialise");
    let (viewers, auditors, admins) = (
        names(&roster.viewers),
        names(&roster.auditors),
        names(admins),
    );
    let validate = format!(
        "function (newDoc, oldDoc, userCtx) {{\n\
         \x20 if (userCtx.roles.indexOf('_admin') !== -1) return;\n\
         \x20 var viewers = {viewers};\n\
         \x20 var auditors = {auditors};\n\
         \x20 var admins = {admins};\n\
         \x20 if (viewers.indexOf(userCtx.name) !== -1) throw({{forbidden: 'viewers of this workspace cannot change it'}});\n\
         \x20 if (newDoc._id.indexOf('_design/') === 0) throw({{forbidden: 'only the workspace admin changes its rules'}});\n\
         \x20 if (oldDoc && !oldDoc._deleted && oldDoc.type === 'activity' && !newDoc._deleted) throw({{forbidden: 'activities are written once and never edited'}});\n\
         \x20 if (oldDoc && !oldDoc._deleted && oldDoc.type === 'activity' && !!oldDoc.kind && oldDoc.kind.type === 'audit' && admins.indexOf(userCtx.name) === -1) throw({{forbidden: 'only the admins of this workspace delete an audit (with its lead)'}});\n\
         \x20 var audit = !newDoc._deleted && newDoc.type === 'activity' && !!newDoc.kind && newDoc.kind.type === 'audit';\n\
         \x20 if (auditors.indexOf(userCtx.name) !== -1) {{ if (!audit || oldDoc) throw({{forbidden: 'auditors of this workspace record audits and change nothing else'}}); return; }}\n\
         \x20 if (audit && admins.indexOf(userCtx.name) === -1) throw({{forbidden: 'only the admins and auditors of this workspace record audits'}});\n\
         }}"
    );
    let mut doc = json!({
        "_id": DESIGN,
        "language": "javascript",
        "validate_doc_update": validate,
        "viewers": roster.viewers,
        "auditors": roster.auditors,
    });
    if let Some(rev) = rev {
        doc["_rev"] = Value::from(rev);
    }
    doc
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
/// database, a viewer or an auditor the guard names, or a member.
pub fn role_of(user: &str, server_roles: &[String], security: &Security, roster: &Roster) -> Role {
    if server_roles.iter().any(|r| r == "_admin") || security.admins.names.iter().any(|n| n == user)
    {
        Role::Admin
    } else if roster.viewers.iter().any(|v| v == user) {
        Role::Viewer
    } else if roster.auditors.iter().any(|v| v == user) {
        Role::Auditor
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
        let mut roster = Roster::default();
        roster.set("victor", Role::Viewer);
        roster.set("hoa", Role::Auditor);
        let doc = design_doc(&roster, &["founder".into()], Some("2-a"));
        assert_eq!(doc["_rev"], "2-a");
        let f = doc["validate_doc_update"].as_str().unwrap();
        assert!(f.contains(r#"var viewers = ["victor"];"#), "{f}");
        assert!(f.contains(r#"var auditors = ["hoa"];"#), "{f}");
        assert!(f.contains(r#"var admins = ["founder"];"#), "{f}");
        assert!(f.contains("throw({forbidden:"), "{f}");
        assert_eq!(Roster::of(Some(&doc)), roster);
        assert_eq!(Roster::of(None), Roster::default());
        let mut sec = Security::founded_by("founder");
        sec.admit("lan");
        sec.admit("victor");
        sec.admit("lan");
        assert_eq!(sec.members.names, ["founder", "lan", "victor"]);
        assert_eq!(role_of("founder", &[], &sec, &roster), Role::Admin);
        assert_eq!(role_of("lan", &[], &sec, &roster), Role::Member);
        assert_eq!(role_of("victor", &[], &sec, &roster), Role::Viewer);
        assert_eq!(role_of("hoa", &[], &sec, &roster), Role::Auditor);
        let none = Roster::default();
        assert_eq!(
            role_of("root", &["_admin".into()], &sec, &none),
            Role::Admin
        );
        // One role at a time.
        roster.set("hoa", Role::Viewer);
        roster.set("victor", Role::Member);
        assert_eq!(roster.viewers, ["hoa"]);
        assert!(roster.auditors.is_empty());
        sec.remove("lan");
        assert_eq!(sec.members.names, ["founder", "victor"]);
        let text = r#"{"admins":{"names":["a"]},"members":{"names":[]},"couchdb_auth_only":true}"#;
        let kept: Security = serde_json::from_str(text).unwrap();
        assert_eq!(kept.other["couchdb_auth_only"], true, "unknown fields kept");
    }
}
