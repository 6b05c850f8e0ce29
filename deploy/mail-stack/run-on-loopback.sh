#!/usr/bin/env bash
# Starts the desk's mail stack from Debian's packages on 127.0.0.1, with the settings of
# this folder, for the deployment test (MailStackIT) or to try the pattern by hand:
#
#   Postfix   smtp (MX) and submission listeners as in postfix-master.cf
#   OpenDKIM  one verifying (opendkim-verify.conf), one signing (opendkim-sign.conf)
#   OpenDMARC opendmarc.conf
#   Dovecot   IMAPS for the desk's mailbox, SASL for the submission listener
#
# Everything else (all reporters, officers, TTIS, APH) is delivered to one "sink" mailbox
# so that a test can read what the desk sent. No DNS is used: OpenDKIM reads the signing
# domain's public key through its Unbound configuration (local-data), and OpenDMARC finds
# no DMARC record (the desk needs DKIM aligned with From, or DMARC pass).
#
#   run-on-loopback.sh start DIR MX SUBMISSION IMAPS DKIM_VERIFY DKIM_SIGN DMARC
#   run-on-loopback.sh stop DIR
#
# Passwords: every mailbox's password is its address (a test stack, on loopback only).
# Needs root (Postfix and Dovecot drop to their own users) and the packages postfix,
# opendkim, opendkim-tools, opendmarc, dovecot-imapd, openssl.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
domain=trenggalekkab.go.id
desk=csirt@$domain
selector=desk2026

stop() {
  local dir=$1
  postfix -c "$dir/postfix" stop >/dev/null 2>&1 || true
  [ -f "$dir/dovecot/dovecot.conf" ] && doveadm -c "$dir/dovecot/dovecot.conf" stop >/dev/null 2>&1 || true
  local pids=()
  for file in "$dir"/run/*.pid; do
    [ -f "$file" ] && pids+=("$(cat "$file")")
  done
  [ ${#pids[@]} -gt 0 ] || return 0
  kill "${pids[@]}" 2>/dev/null || true
  # the milters finish their connections first: wait, so that their ports are free again
  for _ in $(seq 1 100); do
    ps -o stat= -p "${pids[@]}" 2>/dev/null | grep -qv '^Z' || return 0
    sleep 0.1
  done
  kill -9 "${pids[@]}" 2>/dev/null || true
}

if [ "${1:-}" = stop ]; then
  stop "$2"
  exit 0
fi
[ "${1:-}" = start ] && [ $# -eq 8 ] || { sed -n '2,19p' "$0"; exit 2; }
dir=$2 mx=$3 submission=$4 imaps=$5 dkim_verify=$6 dkim_sign=$7 dmarc=$8
mkdir -p "$dir"/{run,tls,opendkim,opendmarc,postfix,mail,dovecot}
dir=$(cd "$dir" && pwd)
# the daemons run as their own users: every folder above the stack must let them through
up=$(dirname "$dir")
while [ "$up" != / ]; do
  [ "$(( 0$(stat -c %a "$up") & 1 ))" -eq 1 ] || { echo "$up is closed to other users (chmod o+x): the daemons could not reach $dir" >&2; exit 1; }
  up=$(dirname "$up")
done
chmod 755 "$dir" "$dir"/*
log="$dir/stack.log"
: > "$log"

# --- TLS: a private CA and a certificate for 127.0.0.1, as a desk would meet on an internal server
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Test mail CA" \
  -keyout "$dir/tls/ca.key" -out "$dir/tls/ca.pem" >>"$log" 2>&1
openssl req -newkey rsa:2048 -nodes -subj "/CN=mail.$domain" \
  -keyout "$dir/tls/server.key" -out "$dir/tls/server.csr" >>"$log" 2>&1
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:mail.%s\n' "$domain" > "$dir/tls/san.ext"
openssl x509 -req -in "$dir/tls/server.csr" -CA "$dir/tls/ca.pem" -CAkey "$dir/tls/ca.key" -CAcreateserial \
  -days 2 -extfile "$dir/tls/san.ext" -out "$dir/tls/server.pem" >>"$log" 2>&1
chmod 644 "$dir/tls/server.key"

# --- OpenDKIM: the domain's key, published through Unbound's local-data instead of DNS
opendkim-genkey -D "$dir/opendkim" -d "$domain" -s "$selector" -b 2048 >>"$log" 2>&1
# the record as opendkim-genkey wrote it: its quoted strings (each under 255 bytes) kept apart
strings=$(tr -d '\n' < "$dir/opendkim/$selector.txt" | sed -e 's/^[^(]*(//' -e 's/).*$//' -e 's/[[:space:]]\+"/ "/g' -e 's/^ *//')
cat > "$dir/opendkim/unbound.conf" <<EOF
server:
  local-zone: "_domainkey.$domain." static
  local-data: '$selector._domainkey.$domain. 300 IN TXT $strings'
EOF
echo "$selector._domainkey.$domain $domain:$selector:$dir/opendkim/$selector.private" > "$dir/opendkim/key.table"
echo "*@$domain $selector._domainkey.$domain" > "$dir/opendkim/signing.table"
echo "127.0.0.1" > "$dir/opendkim/internal-hosts"
echo "192.0.2.1" > "$dir/opendkim/no-internal-hosts"
chown -R opendkim:opendkim "$dir/opendkim"

# The shipped settings, with this stack's paths and ports: every other line stays as written.
localise() {
  sed -e "s#/etc/opendkim/#$dir/opendkim/#" -e "s#/etc/opendmarc/#$dir/opendmarc/#" \
      -e "s#/run/opendkim/#$dir/run/#" -e "s#/run/opendmarc/#$dir/run/#" \
      -e "s#inet:8891@127.0.0.1#inet:$dkim_verify@127.0.0.1#" -e "s#inet:8892@127.0.0.1#inet:$dkim_sign@127.0.0.1#" \
      -e "s#inet:8893@127.0.0.1#inet:$dmarc@127.0.0.1#" "$1"
}
localise "$here/opendkim-verify.conf" > "$dir/opendkim/verify.conf"
localise "$here/opendkim-sign.conf" > "$dir/opendkim/sign.conf"
# the one setting that differs: this stack's key lives under a temporary folder, which
# OpenDKIM rightly calls unsafe (anyone may write there); a real key is under /etc
echo "RequireSafeKeys         false" >> "$dir/opendkim/sign.conf"
localise "$here/opendmarc.conf" > "$dir/opendmarc/opendmarc.conf"
echo "192.0.2.1" > "$dir/opendmarc/ignore.hosts"
chown -R opendmarc:opendmarc "$dir/opendmarc"
chmod 777 "$dir/run"
opendkim -x "$dir/opendkim/verify.conf" >>"$log" 2>&1
opendkim -x "$dir/opendkim/sign.conf" >>"$log" 2>&1
opendmarc -c "$dir/opendmarc/opendmarc.conf" >>"$log" 2>&1

# --- Postfix: the listeners of postfix-master.cf, every other service Debian's
cat > "$dir/postfix/main.cf" <<EOF
compatibility_level = 3.6
queue_directory = $dir/postfix/queue
data_directory = $dir/postfix/data
maillog_file = $dir/postfix/maillog
maillog_file_prefixes = $dir
myhostname = mx.$domain
mydomain = $domain
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
smtpd_tls_cert_file = $dir/tls/server.pem
smtpd_tls_key_file = $dir/tls/server.key
smtpd_tls_security_level = may
virtual_mailbox_domains = $domain
virtual_mailbox_base = $dir/mail
virtual_mailbox_maps = texthash:$dir/postfix/mailboxes
virtual_alias_maps = regexp:$dir/postfix/everyone-else
# a regexp table must not make every domain an alias domain (the default)
virtual_alias_domains =
virtual_uid_maps = static:65534
virtual_gid_maps = static:65534
virtual_minimum_uid = 100
default_transport = error:this test stack delivers nothing outside
alias_maps =
alias_database =
biff = no
EOF
cat > "$dir/postfix/mailboxes" <<EOF
$desk $desk/Maildir/
sink@$domain sink@$domain/Maildir/
EOF
cat > "$dir/postfix/everyone-else" <<EOF
/^csirt@trenggalekkab\.go\.id\$/ $desk
/^sink@trenggalekkab\.go\.id\$/ sink@$domain
/./ sink@$domain
EOF
cat > "$dir/postfix/sender-logins" <<EOF
$desk $desk
petugas@$domain petugas@$domain
kabid@$domain kabid@$domain
EOF
{
  grep -v -E '^(smtp|submission|submissions|reinject)[[:space:]]+inet|^[[:space:]]+-o' /etc/postfix/master.cf \
    | grep -v -E '^#' | sed -E 's/^([a-z]+[[:space:]]+(unix|inet|unix-dgram|fifo|pass)[[:space:]]+[-ny][[:space:]]+[-ny][[:space:]]+)y/\1n/'
  sed -e "s#^smtp      inet#127.0.0.1:$mx inet#" -e "s#^submission inet#127.0.0.1:$submission inet#" \
      -e "s#inet:127.0.0.1:8891#inet:127.0.0.1:$dkim_verify#" -e "s#inet:127.0.0.1:8892#inet:127.0.0.1:$dkim_sign#" \
      -e "s#inet:127.0.0.1:8893#inet:127.0.0.1:$dmarc#" -e "s#\[127.0.0.1\]:25#[127.0.0.1]:$mx#" \
      -e "s#/etc/postfix/#$dir/postfix/#" "$here/postfix-master.cf" | grep -v '^#'
} > "$dir/postfix/master.cf"
mkdir -p "$dir/postfix/queue"
postfix -c "$dir/postfix" start >>"$log" 2>&1

# --- Dovecot: the desk's mailbox and the sink over IMAPS; SASL for Postfix's submission,
# its socket in Postfix's queue, which Postfix has made by now
cat > "$dir/dovecot/users" <<EOF
$desk:{PLAIN}$desk
sink@$domain:{PLAIN}sink@$domain
petugas@$domain:{PLAIN}petugas@$domain
kabid@$domain:{PLAIN}kabid@$domain
EOF
chmod 644 "$dir/dovecot/users"
cat > "$dir/dovecot/dovecot.conf" <<EOF
base_dir = $dir/dovecot/run
state_dir = $dir/dovecot/state
log_path = $dir/dovecot/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = required
ssl_cert = <$dir/tls/server.pem
ssl_key = <$dir/tls/server.key
auth_mechanisms = plain login
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $dir/dovecot/users
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=$dir/mail/%u
}
mail_location = maildir:~/Maildir
first_valid_uid = 100
service imap-login {
  inet_listener imap {
    port = 0
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $imaps
    ssl = yes
  }
}
service auth {
  unix_listener $dir/postfix/queue/private/auth {
    mode = 0660
    user = postfix
    group = postfix
  }
}
EOF
chown nobody:nogroup "$dir/mail"
dovecot -c "$dir/dovecot/dovecot.conf" >>"$log" 2>&1


for port in "$mx" "$submission" "$imaps" "$dkim_verify" "$dkim_sign" "$dmarc"; do
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.1
  done
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "nothing listens on 127.0.0.1:$port (see $log)" >&2; exit 1; }
done
echo "mail stack up in $dir"
