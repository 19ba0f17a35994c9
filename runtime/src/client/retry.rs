//! [`RetryPolicy`]: how often and how long to retry rate-limited and failed requests, and
//! reading Zoom's `Retry-After` in its three forms.

use std::hash::{BuildHasher, Hasher};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::RateLimit;

/// How the client retries: 429 answers (every method, since Zoom did not perform the request)
/// and server errors or lost connections (idempotent methods only, since a `POST` may have
/// taken effect).
///
/// Zoom limits requests by the rate-limit label of their endpoint ([`RateLimit`], from
/// `Endpoint::rate_limit` or `Operation::rate_limit`): per second for `LIGHT`, `MEDIUM` and
/// `HEAVY`, fewer per second the heavier, and per minute for `RESOURCE-INTENSIVE`; `HEAVY` and
/// `RESOURCE-INTENSIVE` requests also count against a daily limit on some plans. The policy
/// treats a 429 so:
/// - with `Retry-After`, it waits as long as Zoom says, whatever the label, when that is no
///   longer than [`max_retry_after`](RetryPolicy::max_retry_after), and fails otherwise;
/// - a daily limit (`X-RateLimit-Type: Daily-limit`) without an acceptable `Retry-After` fails
///   at once: it resets at midnight UTC;
/// - otherwise it backs off, and for a `HEAVY` or `RESOURCE-INTENSIVE` endpoint waits at least
///   [`min_rate_limit_wait`](RetryPolicy::min_rate_limit_wait) for its label (1 s for `HEAVY`,
///   one per-second window; 6 s for `RESOURCE-INTENSIVE`, the spacing of its lowest allowance,
///   10 a minute): a sooner retry would be refused again and spend a retry for nothing.
///
/// Server errors and lost connections back off the same way for every label.
///
/// ```
/// use std::time::Duration;
/// use zoom_scopes::client::RetryPolicy;
/// let policy = RetryPolicy::default()
///     .max_retries(5)
///     .backoff(Duration::from_millis(100), Duration::from_secs(2))
///     .max_retry_after(Duration::from_secs(10));
/// assert_eq!(policy.retries(), 5);
/// assert_eq!(RetryPolicy::none().retries(), 0);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    max_retries: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    max_retry_after: Duration,
    /// The shortest wait before retrying a 429 without `Retry-After`, by label (in the order
    /// of `RateLimit::ALL`).
    min_rate_limit_wait: [Duration; RateLimit::ALL.len()],
}

impl Default for RetryPolicy {
    /// Three retries, backoff from 250 ms doubling up to 8 s, waits of up to 60 s when Zoom
    /// says how long (a daily limit's next midnight is reported, not waited for), and at least
    /// 1 s (`HEAVY`) or 6 s (`RESOURCE-INTENSIVE`) before retrying a 429 Zoom gave no wait for.
    fn default() -> Self {
        RetryPolicy {
            max_retries: 3,
            initial_backoff: Duration::from_millis(250),
            max_backoff: Duration::from_secs(8),
            max_retry_after: Duration::from_secs(60),
            min_rate_limit_wait: RateLimit::ALL.map(|label| match label {
                RateLimit::Light | RateLimit::Medium => Duration::ZERO,
                RateLimit::Heavy => Duration::from_secs(1),
                RateLimit::ResourceIntensive => Duration::from_secs(6),
            }),
        }
    }
}

impl RetryPolicy {
    /// Never retry.
    pub fn none() -> Self {
        RetryPolicy {
            max_retries: 0,
            ..RetryPolicy::default()
        }
    }

    /// At most this many retries after the first attempt.
    #[must_use]
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = retries;
        self
    }

    /// Exponential backoff: the first retry waits about `initial`, each next one twice as
    /// long, never more than `max`. Waits are jittered so that clients do not retry in step.
    #[must_use]
    pub fn backoff(mut self, initial: Duration, max: Duration) -> Self {
        self.initial_backoff = initial;
        self.max_backoff = max.max(initial);
        self
    }

    /// The longest `Retry-After` worth waiting for; a longer one fails at once with
    /// [`Error::RateLimited`](crate::client::Error::RateLimited) carrying it.
    #[must_use]
    pub fn max_retry_after(mut self, max: Duration) -> Self {
        self.max_retry_after = max;
        self
    }

    /// The shortest wait before retrying a 429 that came without `Retry-After` from an
    /// endpoint labelled `label` (the backoff still applies when it is longer).
    ///
    /// ```
    /// use std::time::Duration;
    /// use zoom_scopes::{RateLimit, client::RetryPolicy};
    /// let policy = RetryPolicy::default()
    ///     .min_rate_limit_wait(RateLimit::ResourceIntensive, Duration::from_secs(3));
    /// assert_eq!(policy.rate_limit_wait_floor(RateLimit::ResourceIntensive), Duration::from_secs(3));
    /// assert_eq!(policy.rate_limit_wait_floor(RateLimit::Heavy), Duration::from_secs(1));
    /// ```
    #[must_use]
    pub fn min_rate_limit_wait(mut self, label: RateLimit, wait: Duration) -> Self {
        self.min_rate_limit_wait[label_index(label)] = wait;
        self
    }

    /// The shortest wait before retrying a 429 without `Retry-After` from an endpoint
    /// labelled `label`.
    pub fn rate_limit_wait_floor(&self, label: RateLimit) -> Duration {
        self.min_rate_limit_wait[label_index(label)]
    }

    /// The number of retries allowed.
    pub fn retries(&self) -> u32 {
        self.max_retries
    }

    /// How long to wait before retry number `retry` (1 for the first), when Zoom did not say.
    pub(crate) fn backoff_delay(&self, retry: u32) -> Duration {
        let exponent = retry.saturating_sub(1).min(16);
        let full = self
            .initial_backoff
            .saturating_mul(1 << exponent)
            .min(self.max_backoff);
        // "Equal jitter": half the delay fixed, half random.
        let half = full / 2;
        half + half.mul_f64(random_fraction())
    }

    /// How long to wait before retry number `retry` of a 429 Zoom gave no `Retry-After` for,
    /// from an endpoint labelled `label`: the backoff, or the label's floor when longer.
    pub(crate) fn rate_limit_delay(&self, retry: u32, label: Option<RateLimit>) -> Duration {
        let floor = label.map_or(Duration::ZERO, |l| self.rate_limit_wait_floor(l));
        self.backoff_delay(retry).max(floor)
    }

    /// Whether a wait Zoom asked for is short enough to wait for.
    pub(crate) fn accepts_wait(&self, wait: Duration) -> bool {
        wait <= self.max_retry_after
    }
}

/// The position of `label` in `RateLimit::ALL`.
fn label_index(label: RateLimit) -> usize {
    // no panic: every label is in `ALL`
    RateLimit::ALL
        .iter()
        .position(|&l| l == label)
        .unwrap_or_default()
}

/// A number in [0, 1) from the standard library's per-instance random hash keys: jitter needs
/// no more quality than that, and no extra dependency.
fn random_fraction() -> f64 {
    let bits = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    (bits >> 11) as f64 / (1u64 << 53) as f64
}

/// Reads a `Retry-After` value as a wait from `now`: delay seconds (`"2"`), an HTTP date
/// (`"Wed, 21 Oct 2015 07:28:00 GMT"`), or the RFC 3339 UTC time Zoom sends with daily limits
/// (`"2020-05-31T00:00:00Z"`). A time in the past means no wait.
pub(crate) fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    if let Ok(seconds) = value.parse::<f64>() {
        return Duration::try_from_secs_f64(seconds).ok();
    }
    let at = httpdate::parse_http_date(value)
        .ok()
        .or_else(|| parse_rfc3339_utc(value))?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

/// `YYYY-MM-DDTHH:MM:SS[.fff]Z` (or with a `+00:00` offset) as a point in time.
fn parse_rfc3339_utc(value: &str) -> Option<SystemTime> {
    let value = value
        .strip_suffix('Z')
        .or_else(|| value.strip_suffix("+00:00"))?;
    let (date, time) = value.split_once(['T', 't', ' '])?;
    let mut date_parts = date.splitn(3, '-').map(str::parse::<i64>);
    let (year, month, day) = (
        date_parts.next()?.ok()?,
        date_parts.next()?.ok()?,
        date_parts.next()?.ok()?,
    );
    let time = time.split('.').next()?;
    let mut time_parts = time.splitn(3, ':').map(str::parse::<u64>);
    let (hour, minute, second) = (
        time_parts.next()?.ok()?,
        time_parts.next()?.ok()?,
        time_parts.next()?.ok()?,
    );
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || minute > 59 {
        return None;
    }
    if second > 60 {
        return None;
    }
    let days = u64::try_from(days_from_civil(year, month, day)).ok()?;
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second;
    UNIX_EPOCH.checked_add(Duration::from_secs(seconds))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_index = (month + 9) % 12;
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(seconds)
    }

    #[test]
    fn retry_after_forms() {
        let now = at(1_590_883_200 - 30); // 30 s before 2020-05-31T00:00:00Z
        assert_eq!(parse_retry_after("2", now), Some(Duration::from_secs(2)));
        assert_eq!(
            parse_retry_after(" 0.5 ", now),
            Some(Duration::from_millis(500))
        );
        assert_eq!(
            parse_retry_after("2020-05-31T00:00:00Z", now),
            Some(Duration::from_secs(30))
        );
        assert_eq!(
            parse_retry_after("Sun, 31 May 2020 00:00:00 GMT", now),
            Some(Duration::from_secs(30))
        );
        assert_eq!(
            parse_retry_after("2020-05-30T00:00:00Z", now),
            Some(Duration::ZERO)
        );
        for bad in [
            "",
            "soon",
            "-1",
            "2020-13-01T00:00:00Z",
            "2020-05-31T00:00:00",
        ] {
            assert_eq!(parse_retry_after(bad, now), None, "{bad:?}");
        }
    }

    #[test]
    fn civil_days() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(2020, 5, 31), 18_413);
    }

    #[test]
    fn backoff_grows_within_bounds() {
        let policy =
            RetryPolicy::default().backoff(Duration::from_millis(100), Duration::from_millis(350));
        for _ in 0..50 {
            let first = policy.backoff_delay(1);
            assert!(first >= Duration::from_millis(50) && first <= Duration::from_millis(100));
            let third = policy.backoff_delay(3);
            assert!(third >= Duration::from_millis(175) && third <= Duration::from_millis(350));
            assert!(policy.backoff_delay(u32::MAX) <= Duration::from_millis(350));
        }
        assert!(policy.accepts_wait(Duration::from_secs(60)));
        assert!(policy.rate_limit_delay(1, None) <= Duration::from_millis(100));
        assert!(policy.rate_limit_delay(1, Some(RateLimit::Light)) <= Duration::from_millis(100));
        assert!(!policy.accepts_wait(Duration::from_secs(61)));
    }

    #[test]
    fn heavy_labels_wait_at_least_their_floor() {
        let policy = RetryPolicy::default();
        for _ in 0..20 {
            let heavy = policy.rate_limit_delay(1, Some(RateLimit::Heavy));
            assert!(heavy >= Duration::from_secs(1), "{heavy:?}");
            let intensive = policy.rate_limit_delay(1, Some(RateLimit::ResourceIntensive));
            assert!(intensive >= Duration::from_secs(6), "{intensive:?}");
            let medium = policy.rate_limit_delay(1, Some(RateLimit::Medium));
            assert!(medium <= Duration::from_millis(250), "{medium:?}");
        }
        // A longer backoff is kept: the floor is a minimum.
        let slow = RetryPolicy::default().backoff(Duration::from_secs(4), Duration::from_secs(4));
        assert!(slow.rate_limit_delay(1, Some(RateLimit::Heavy)) >= Duration::from_secs(2));
        let none = RetryPolicy::default().min_rate_limit_wait(RateLimit::Heavy, Duration::ZERO);
        assert!(none.rate_limit_delay(1, Some(RateLimit::Heavy)) <= Duration::from_millis(250));
    }
}
