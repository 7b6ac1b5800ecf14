//! CPU time (user + system over all threads), wall time and peak RSS, from `getrusage` for
//! this process and from `wait4` for a child.

use std::process::{Command, Stdio};
use std::time::Instant;

/// What a stage or a child cost.
#[derive(Debug, Clone, Copy)]
pub struct Cost {
    pub user_s: f64,
    pub sys_s: f64,
    pub wall_s: f64,
}

impl Cost {
    pub fn cpu_s(&self) -> f64 {
        self.user_s + self.sys_s
    }
}

fn secs(t: libc::timeval) -> f64 {
    t.tv_sec as f64 + t.tv_usec as f64 / 1e6
}

fn self_usage() -> libc::rusage {
    // SAFETY: getrusage only writes the struct it is given.
    unsafe {
        let mut u: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut u);
        u
    }
}

/// A point in time to measure a stage of this process from.
pub struct Usage {
    user: f64,
    sys: f64,
    wall: Instant,
}

impl Usage {
    pub fn now() -> Usage {
        let u = self_usage();
        Usage { user: secs(u.ru_utime), sys: secs(u.ru_stime), wall: Instant::now() }
    }

    /// What happened since `now`.
    pub fn cost(&self) -> Cost {
        let u = self_usage();
        Cost { user_s: secs(u.ru_utime) - self.user, sys_s: secs(u.ru_stime) - self.sys, wall_s: self.wall.elapsed().as_secs_f64() }
    }
}

/// Peak RSS of this process so far, in MB.
pub fn peak_rss_self_mb() -> f64 {
    self_usage().ru_maxrss as f64 / 1024.0
}

/// A child's cost, peak RSS and standard output.
pub struct ChildRun {
    pub cost: Cost,
    pub max_rss_mb: f64,
    pub stdout: String,
}

/// Run a command to completion; panic if it fails.
pub fn child(cmd: &mut Command) -> ChildRun {
    let wall = Instant::now();
    let out_file = tempfile::tempfile().unwrap();
    let child = cmd.stdout(Stdio::from(out_file.try_clone().unwrap())).spawn().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    let pid = child.id() as libc::pid_t;
    // SAFETY: wait4 on our own child's pid, writing into the structs given.
    let (status, u) = unsafe {
        let mut status = 0;
        let mut u: libc::rusage = std::mem::zeroed();
        let r = libc::wait4(pid, &mut status, 0, &mut u);
        assert_eq!(r, pid, "wait4");
        (status, u)
    };
    let wall_s = wall.elapsed().as_secs_f64();
    assert!(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0, "{cmd:?} failed (status {status})");
    std::mem::forget(child); // already reaped
    use std::io::{Read, Seek};
    let mut f = out_file;
    f.rewind().unwrap();
    let mut stdout = String::new();
    f.read_to_string(&mut stdout).unwrap();
    ChildRun { cost: Cost { user_s: secs(u.ru_utime), sys_s: secs(u.ru_stime), wall_s }, max_rss_mb: u.ru_maxrss as f64 / 1024.0, stdout }
}
