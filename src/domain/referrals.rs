//! Directory services attached to a plan's goals: signposted or referred,
//! each with a dated status over time.

use super::directory::Service;
use super::{Connection, GoalService, Plan, ServiceStatus, ServiceUpdate};

/// A change to the services of one goal.
#[derive(Clone, Debug, PartialEq)]
pub enum ServiceEdit {
    /// Attaches a copy of the entry. A signposted service starts as
    /// "Suggested", a referred one as "Referred", dated `date`.
    Attach {
        service: Box<Service>,
        connection: Connection,
        date: String,
    },
    /// A new dated status, added to the history.
    Status {
        service_id: String,
        status: ServiceStatus,
        date: String,
    },
    Detach(String),
}

/// Applies a service edit to the goal `goal_id`; false when nothing changed
/// (no such goal, the service is attached already, or the same status and
/// date again).
pub fn apply_service_edit(plan: &mut Plan, goal_id: &str, edit: ServiceEdit) -> bool {
    let Some(goal) = plan.goals.iter_mut().find(|g| g.id == goal_id) else {
        return false;
    };
    let services = &mut goal.services;
    match edit {
        ServiceEdit::Attach {
            service,
            connection,
            date,
        } => {
            if services.iter().any(|s| s.service.id == service.id) {
                return false;
            }
            let status = match connection {
                Connection::Signposted => ServiceStatus::Suggested,
                Connection::Referred => ServiceStatus::Referred,
            };
            services.push(GoalService {
                service: *service,
                connection,
                history: vec![ServiceUpdate { date, status }],
            });
        }
        ServiceEdit::Status {
            service_id,
            status,
            date,
        } => {
            let Some(s) = services.iter_mut().find(|s| s.service.id == service_id) else {
                return false;
            };
            if s.history
                .last()
                .is_some_and(|u| u.status == status && u.date == date)
            {
                return false;
            }
            if status == ServiceStatus::Referred {
                s.connection = Connection::Referred;
            }
            s.history.push(ServiceUpdate { date, status });
        }
        ServiceEdit::Detach(service_id) => {
            let before = services.len();
            services.retain(|s| s.service.id != service_id);
            return services.len() != before;
        }
    }
    true
}

/// Ids of every service attached to any goal, each once.
pub fn attached_ids(plan: &Plan) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for g in &plan.goals {
        for s in &g.services {
            if !ids.contains(&s.service.id) {
                ids.push(s.service.id.clone());
            }
        }
    }
    ids
}

/// Brings each attached copy up to date with the directory's entry where
/// it still exists (changed phone numbers, times). True if any changed.
pub fn refresh_copies(plan: &mut Plan, current: &[Service]) -> bool {
    let mut changed = false;
    for g in &mut plan.goals {
        for s in &mut g.services {
            if let Some(now) = current.iter().find(|c| c.id == s.service.id) {
                let mut fresh = now.clone();
                // Marks that belong to this device, not to the plan.
                fresh.favourite = false;
                fresh.updated_at = s.service.updated_at;
                if fresh != s.service {
                    s.service = fresh;
                    changed = true;
                }
            }
        }
    }
    changed
}

/// The status history in words, newest last: "Referred (3 March 2026),
/// then Attended (17 March 2026)".
pub fn history_text(s: &GoalService) -> String {
    s.history
        .iter()
        .map(|u| {
            format!(
                "{} ({})",
                u.status.label(),
                super::dates::show(&u.date, "no date")
            )
        })
        .collect::<Vec<_>>()
        .join(", then ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Goal;

    fn plan() -> Plan {
        Plan {
            goals: vec![Goal {
                id: "g1".into(),
                ..Goal::default()
            }],
            ..Plan::default()
        }
    }

    fn choir() -> Service {
        Service {
            id: "choir".into(),
            name: "Choir".into(),
            phone: "01632 960001".into(),
            ..Service::default()
        }
    }

    fn attach(connection: Connection) -> ServiceEdit {
        ServiceEdit::Attach {
            service: Box::new(choir()),
            connection,
            date: "2026-11-01".into(),
        }
    }

    #[test]
    fn attaching_starts_the_history_by_how_it_was_connected() {
        let mut p = plan();
        assert!(apply_service_edit(
            &mut p,
            "g1",
            attach(Connection::Signposted)
        ));
        assert_eq!(p.goals[0].services[0].status(), ServiceStatus::Suggested);
        assert!(
            !apply_service_edit(&mut p, "g1", attach(Connection::Referred)),
            "the same service is attached once"
        );
        assert!(!apply_service_edit(
            &mut p,
            "nope",
            attach(Connection::Referred)
        ));

        let mut q = plan();
        apply_service_edit(&mut q, "g1", attach(Connection::Referred));
        assert_eq!(q.goals[0].services[0].status(), ServiceStatus::Referred);
        assert_eq!(q.goals[0].services[0].history[0].date, "2026-11-01");
    }

    #[test]
    fn statuses_keep_their_history_and_a_referral_marks_it_referred() {
        let mut p = plan();
        apply_service_edit(&mut p, "g1", attach(Connection::Signposted));
        let status = |status, date: &str| ServiceEdit::Status {
            service_id: "choir".into(),
            status,
            date: date.into(),
        };
        assert!(apply_service_edit(
            &mut p,
            "g1",
            status(ServiceStatus::Referred, "2026-11-02")
        ));
        assert_eq!(p.goals[0].services[0].connection, Connection::Referred);
        assert!(apply_service_edit(
            &mut p,
            "g1",
            status(ServiceStatus::StillAttending, "2026-11-20")
        ));
        assert!(!apply_service_edit(
            &mut p,
            "g1",
            status(ServiceStatus::StillAttending, "2026-11-20")
        ));
        let s = &p.goals[0].services[0];
        assert_eq!(s.status(), ServiceStatus::StillAttending);
        assert_eq!(
            history_text(s),
            "Suggested (1 November 2026), then Referred (2 November 2026), then Still attending (20 November 2026)"
        );
        assert!(apply_service_edit(
            &mut p,
            "g1",
            ServiceEdit::Detach("choir".into())
        ));
        assert!(p.goals[0].services.is_empty());
        assert!(!apply_service_edit(
            &mut p,
            "g1",
            ServiceEdit::Detach("choir".into())
        ));
    }

    #[test]
    fn copies_follow_the_directory_while_the_entry_exists() {
        let mut p = plan();
        apply_service_edit(&mut p, "g1", attach(Connection::Signposted));
        assert_eq!(attached_ids(&p), ["choir"]);
        let mut now = choir();
        now.favourite = true;
        assert!(
            !refresh_copies(&mut p, &[now.clone()]),
            "a favourite mark is not a change"
        );
        now.phone = "01632 960999".into();
        assert!(refresh_copies(&mut p, &[now]));
        assert_eq!(p.goals[0].services[0].service.phone, "01632 960999");
        assert!(!p.goals[0].services[0].service.favourite);
        assert!(
            !refresh_copies(&mut p, &[]),
            "a deleted entry keeps its copy"
        );
        assert_eq!(p.goals[0].services[0].service.phone, "01632 960999");
    }
}
