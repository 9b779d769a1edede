use super::{FORMAT, VERSION};
use crate::domain::extra::Extra;
use crate::domain::workspace::Workspace;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;
use std::fmt;

pub(super) struct Backup(pub(super) Workspace);

impl<'de> de::Deserialize<'de> for Backup {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(EnvelopeVisitor)
    }
}

struct EnvelopeVisitor;

impl<'de> Visitor<'de> for EnvelopeVisitor {
    type Value = Backup;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a Leadpact backup")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Backup, A::Error> {
        let (mut format_ok, mut version_ok, mut data) = (false, false, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "format" if !format_ok => {
                    format_ok = map.next_value::<String>()? == FORMAT;
                    if !format_ok {
                        return Err(de::Error::custom("another format"));
                    }
                }
                "version" if !version_ok => {
                    version_ok = map.next_value::<u64>()? == VERSION;
                    if !version_ok {
                        return Err(de::Error::custom("another version"));
                    }
                }
                "data" if format_ok && version_ok && data.is_none() => {
                    data = Some(map.next_value_seed(DataSeed)?);
                }
                "format" | "version" | "data" => {
                    return Err(de::Error::custom("out of order or repeated"));
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        data.map(Backup).ok_or_else(|| de::Error::custom("no data"))
    }
}

struct DataSeed;

impl<'de> DeserializeSeed<'de> for DataSeed {
    type Value = Workspace;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Workspace, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for DataSeed {
    type Value = Workspace;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the workspace")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Workspace, A::Error> {
        let mut ws = Workspace::default();
        let mut extra = Extra::default();
        let mut seen = [false; 8];
        let mut once = |i: usize| {
            if std::mem::replace(&mut seen[i], true) {
                Err(de::Error::custom("repeated"))
            } else {
                Ok(())
            }
        };
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "pipeline" => (once(0)?, ws.pipeline = map.next_value()?).1,
                "calendar" => (once(1)?, ws.calendar = map.next_value()?).1,
                "policies" => (once(2)?, ws.policies = map.next_value()?).1,
                "reps" => (once(3)?, ws.reps = map.next_value()?).1,
                "targets" => (once(4)?, ws.targets = map.next_value()?).1,
                "leads" => (once(5)?, ws.leads = map.next_value()?).1,
                "activities" => (once(6)?, ws.activities = map.next_value()?).1,
                "country" => (once(7)?, ws.country = map.next_value()?).1,
                _ => {
                    let value: Value = map.next_value()?;
                    if extra.0.insert(key, value).is_some() {
                        return Err(de::Error::custom("repeated"));
                    }
                }
            }
        }
        if !(seen[0] && seen[1] && seen[2] && seen[3]) {
            return Err(de::Error::custom("a part is missing"));
        }
        ws.extra = extra;
        Ok(ws)
    }
}
