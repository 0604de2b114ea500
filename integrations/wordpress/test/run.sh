#!/usr/bin/env bash
# Opt-in end-to-end test of the Lotse WordPress plugin against Debian's WordPress.
# Not part of `npm test`. Run as root from the repository root:
#
#   bash integrations/wordpress/test/run.sh
#
# It installs the Debian packages when missing (wordpress, wordpress-theme-twentytwentythree,
# mariadb-server, php, php-mysql, apache2, libapache2-mod-php), starts its own MariaDB and
# Apache on 127.0.0.1 only (free ports, data in a temporary folder), installs WordPress,
# builds and activates the plugin from its ZIP, creates an Editor without `unfiltered_html`
# (DISALLOW_UNFILTERED_HTML), lets that editor publish pages through the REST API (application
# password, WP_ENVIRONMENT_TYPE=local) and checks them in headless Chromium (check.mjs).
# At the end it stops what it started, by PID, and removes its files.
#
# Options (environment): LOTSE_WP_KEEP=1 keeps the temporary folder (logs);
# LOTSE_WP_NO_BUILD=1 reuses dist/ instead of running `npm run build`.
# Takes 3–15 minutes (package installation and the build are the slow parts).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
log() { printf '\n[wp-test] %s\n' "$*"; }
fail() { printf '\n[wp-test] FAILED: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "run as root (apt-get, MariaDB as user mysql, Apache as www-data)"

# ---- 1. Packages ----------------------------------------------------------------------------
PACKAGES=(wordpress wordpress-theme-twentytwentythree mariadb-server php php-mysql apache2 libapache2-mod-php)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing ${missing[*]}"
  # Keep apt from starting the packages' own services (port 80, the system database): this
  # test starts its own on 127.0.0.1. Containers usually have such a policy already.
  made_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && made_policy=1
  fi
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  [ "$made_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d
else
  log "Debian packages present: ${PACKAGES[*]}"
fi
PHP_MODULE="$(ls /usr/lib/apache2/modules/libphp*.so | head -n1)"
[ -f "$PHP_MODULE" ] || fail "no mod_php in /usr/lib/apache2/modules"
MARIADBD="$(command -v mariadbd || echo /usr/sbin/mariadbd)"
[ -x "$MARIADBD" ] || MARIADBD=/usr/sbin/mysqld

# ---- 2. Work folder, ports, clean-up ---------------------------------------------------------
WORK="$(mktemp -d /tmp/lotse-wp-test.XXXXXX)"
chmod 755 "$WORK"
free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
HTTP_PORT="$(free_port)"
DB_PORT="$(free_port)"
while [ "$DB_PORT" = "$HTTP_PORT" ]; do DB_PORT="$(free_port)"; done
BASE="http://127.0.0.1:$HTTP_PORT"
CONFIG_NAME="lotse-test-$HTTP_PORT"
CONFIG_FILE="/etc/wordpress/config-$CONFIG_NAME.php"
SOCK="$WORK/db-run/mysqld.sock"
DB_PID=""
HTTPD_PID=""

cleanup() {
  local rc=$?
  set +e
  trap '' INT TERM
  if [ -n "$HTTPD_PID" ] && kill -0 "$HTTPD_PID" 2>/dev/null; then
    kill -TERM "$HTTPD_PID"
    for _ in $(seq 1 50); do kill -0 "$HTTPD_PID" 2>/dev/null || break; sleep 0.2; done
  fi
  if [ -n "$DB_PID" ] && kill -0 "$DB_PID" 2>/dev/null; then
    kill -TERM "$DB_PID"
    for _ in $(seq 1 100); do kill -0 "$DB_PID" 2>/dev/null || break; sleep 0.2; done
  fi
  rm -f "$CONFIG_FILE"
  if [ "${LOTSE_WP_KEEP:-0}" = 1 ] || [ "$rc" != 0 ]; then
    echo "[wp-test] logs kept in $WORK (apache-error.log, db-run/mysqld.err, debug.log, mail.log)"
  else
    rm -rf "$WORK"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- 3. MariaDB on 127.0.0.1 ----------------------------------------------------------------
log "MariaDB on 127.0.0.1:$DB_PORT (data in $WORK/db)"
mkdir -p "$WORK/db" "$WORK/db-run"
chown mysql:mysql "$WORK/db" "$WORK/db-run"
mariadb-install-db --no-defaults --user=mysql --datadir="$WORK/db" --auth-root-authentication-method=socket \
  --skip-test-db > "$WORK/db-install.log" 2>&1 || { cat "$WORK/db-install.log"; fail "mariadb-install-db"; }
# setsid: own process groups, so that a server's shutdown signals never reach this script.
setsid "$MARIADBD" --no-defaults --user=mysql --datadir="$WORK/db" --socket="$SOCK" --port="$DB_PORT" \
  --bind-address=127.0.0.1 --pid-file="$WORK/db-run/mysqld.pid" --log-error="$WORK/db-run/mysqld.err" \
  --skip-name-resolve --innodb-buffer-pool-size=64M &
DB_PID=$!
for _ in $(seq 1 150); do mariadb-admin --no-defaults --socket="$SOCK" -u root ping >/dev/null 2>&1 && break; sleep 0.2; done
mariadb-admin --no-defaults --socket="$SOCK" -u root ping >/dev/null 2>&1 || { cat "$WORK/db-run/mysqld.err"; fail "MariaDB did not start"; }
DB_PASSWORD="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
sql() { mariadb --no-defaults --socket="$SOCK" -u root -N -B "$@"; }
sql -e "CREATE DATABASE wordpress DEFAULT CHARACTER SET utf8mb4;
  CREATE USER 'wordpress'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
  GRANT ALL PRIVILEGES ON wordpress.* TO 'wordpress'@'127.0.0.1';"

# ---- 4. WordPress configuration and content folder --------------------------------------------
log "WordPress config $CONFIG_FILE, content in $WORK/wp-content"
CONTENT="$WORK/wp-content"
mkdir -p "$CONTENT/plugins" "$CONTENT/themes" "$CONTENT/uploads" "$CONTENT/mu-plugins" "$WORK/apache-run"
ln -s /usr/share/wordpress/wp-content/themes/twentytwentythree "$CONTENT/themes/twentytwentythree"
cp "$HERE/test-mail.php" "$CONTENT/mu-plugins/lotse-test-mail.php"
touch "$WORK/mail.log" "$WORK/debug.log"
chown -R www-data:www-data "$CONTENT/uploads" "$WORK/mail.log" "$WORK/debug.log"
salt() { head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9'; }
cat > "$CONFIG_FILE" <<PHP
<?php
// Written by integrations/wordpress/test/run.sh; removed when the test ends.
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wordpress' );
define( 'DB_PASSWORD', '$DB_PASSWORD' );
define( 'DB_HOST', '127.0.0.1:$DB_PORT' );
define( 'WP_HOME', '$BASE' );
define( 'WP_SITEURL', '$BASE' );
define( 'WP_CONTENT_DIR', '$CONTENT' );
define( 'WP_CONTENT_URL', '$BASE/wp-content' );
define( 'DISALLOW_UNFILTERED_HTML', true );
define( 'WP_ENVIRONMENT_TYPE', 'local' );
define( 'DISABLE_WP_CRON', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'FS_METHOD', 'direct' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', '$WORK/debug.log' );
define( 'LOTSE_TEST_MAIL_LOG', '$WORK/mail.log' );
define( 'AUTH_KEY', '$(salt)' );
define( 'SECURE_AUTH_KEY', '$(salt)' );
define( 'LOGGED_IN_KEY', '$(salt)' );
define( 'NONCE_KEY', '$(salt)' );
define( 'AUTH_SALT', '$(salt)' );
define( 'SECURE_AUTH_SALT', '$(salt)' );
define( 'LOGGED_IN_SALT', '$(salt)' );
define( 'NONCE_SALT', '$(salt)' );
\$table_prefix = 'wp_';
PHP
chmod 644 "$CONFIG_FILE"

# ---- 5. Apache on 127.0.0.1 ------------------------------------------------------------------
log "Apache on $BASE"
MODS=/usr/lib/apache2/modules
cat > "$WORK/apache.conf" <<CONF
ServerRoot /etc/apache2
ServerName 127.0.0.1
Listen 127.0.0.1:$HTTP_PORT
PidFile $WORK/apache.pid
DefaultRuntimeDir $WORK/apache-run
Mutex file:$WORK/apache-run default
ErrorLog $WORK/apache-error.log
LogLevel warn
User www-data
Group www-data
LoadModule mpm_prefork_module $MODS/mod_mpm_prefork.so
LoadModule authz_core_module $MODS/mod_authz_core.so
LoadModule dir_module $MODS/mod_dir.so
LoadModule mime_module $MODS/mod_mime.so
LoadModule alias_module $MODS/mod_alias.so
LoadModule rewrite_module $MODS/mod_rewrite.so
LoadModule env_module $MODS/mod_env.so
LoadModule php_module $PHP_MODULE
StartServers 2
MinSpareServers 1
MaxSpareServers 4
MaxRequestWorkers 8
TypesConfig /etc/mime.types
AddType text/javascript .js .mjs
DocumentRoot /usr/share/wordpress
DirectoryIndex index.php
SetEnv WORDPRESS_CONFIG $CONFIG_NAME
<FilesMatch "\.php\$">
  SetHandler application/x-httpd-php
</FilesMatch>
Alias /wp-content $CONTENT
<Directory />
  AllowOverride None
  Require all denied
</Directory>
<Directory /usr/share/wordpress>
  Options FollowSymLinks
  AllowOverride None
  Require all granted
  RewriteEngine On
  RewriteBase /
  RewriteRule ^index\.php\$ - [L]
  RewriteCond %{REQUEST_FILENAME} !-f
  RewriteCond %{REQUEST_FILENAME} !-d
  RewriteRule . /index.php [L]
</Directory>
<Directory $CONTENT>
  Options FollowSymLinks
  AllowOverride None
  Require all granted
</Directory>
<Directory /usr/share/wordpress/wp-content/themes>
  Require all granted
</Directory>
CONF
setsid /usr/sbin/apache2 -f "$WORK/apache.conf" -DFOREGROUND &
HTTPD_PID=$!
for _ in $(seq 1 100); do curl -s -o /dev/null "$BASE/wp-admin/install.php" && break; sleep 0.2; done
curl -s -o /dev/null "$BASE/wp-admin/install.php" || { cat "$WORK/apache-error.log"; fail "Apache did not start"; }

# ---- 6. Install WordPress (the installer's form, step 2) ----------------------------------------
log "installing WordPress $(sed -n "s/^\$wp_version = '\(.*\)';/\1/p" /usr/share/wordpress/wp-includes/version.php)"
ADMIN_PASSWORD="$(salt)"
EDITOR_PASSWORD="$(salt)"
curl -s -o "$WORK/install.html" "$BASE/wp-admin/install.php?step=2" \
  --data-urlencode "weblog_title=Lotse Test" --data-urlencode "user_name=admin" \
  --data-urlencode "admin_password=$ADMIN_PASSWORD" --data-urlencode "admin_password2=$ADMIN_PASSWORD" \
  --data-urlencode "pw_weak=1" --data-urlencode "admin_email=admin@example.org" --data-urlencode "blog_public=0"
[ "$(sql -e "SELECT option_value FROM wordpress.wp_options WHERE option_name='siteurl'")" = "$BASE" ] \
  || { sed -e 's/<[^>]*>//g' "$WORK/install.html" | tr -s ' \n' | head -c 2000; fail "WordPress install"; }

# ---- 7. Build the plugin ZIP, unpack it as an upload would ------------------------------------
log "building the plugin ZIP"
if [ "${LOTSE_WP_NO_BUILD:-0}" = 1 ]; then
  (cd "$ROOT" && node integrations/wordpress/build.mjs --no-build)
else
  (cd "$ROOT" && npm run -s build:wordpress)
fi
ZIP="$(ls "$ROOT"/integrations/wordpress/build/lotse-wordpress-*.zip | head -n1)"
(cd "$CONTENT/plugins" && unzip -q "$ZIP")
[ -f "$CONTENT/plugins/lotse/assets/lotse/lotse.js" ] || fail "the ZIP has no assets/lotse/lotse.js"
[ -f "$CONTENT/plugins/lotse/assets/services.json" ] || fail "the ZIP has no assets/services.json"

# ---- 8. Activate, settings, editor with an application password --------------------------------
log "activating the plugin, creating the editor"
export LOTSE_WP_PORT="$HTTP_PORT" WORDPRESS_CONFIG="$CONFIG_NAME" LOTSE_EDITOR_PASSWORD="$EDITOR_PASSWORD"
SETUP="$(php "$HERE/wp-helper.php" setup)"
echo "$SETUP" | node -e '
  const s = JSON.parse(require("fs").readFileSync(0, "utf8"));
  const show = { ...s, app_password: s.app_password ? "(set)" : "" };
  console.log(JSON.stringify(show, null, 1));
  const bad = [];
  if (!s.activated) bad.push("plugin not activated: " + s.activate_error);
  if (!s.table) bad.push("no message table");
  if (!s.unique_key) bad.push("idempotency_key is not a UNIQUE key");
  if (!s.cron_scheduled) bad.push("lotse_purge not scheduled");
  for (const [name, ok] of Object.entries(s.settings_checks)) if (!ok) bad.push("settings: " + name);
  if (s.editor_unfiltered_html) bad.push("the editor has unfiltered_html");
  if (!s.application_passwords) bad.push("application passwords unavailable");
  if (!s.app_password) bad.push("no application password");
  if (bad.length) { console.error(bad.join("\n")); process.exit(1); }
' || fail "setup"
APP_PASSWORD="$(echo "$SETUP" | node -e 'console.log(JSON.parse(require("fs").readFileSync(0,"utf8")).app_password)')"

# ---- 9. Pages as the editor, Chromium, the contact endpoint --------------------------------------
log "publishing pages as the editor and checking them in Chromium"
LOTSE_WP_BASE="$BASE" LOTSE_WP_EDITOR=redaktion LOTSE_WP_APP_PASSWORD="$APP_PASSWORD" \
  LOTSE_WP_EDITOR_PASSWORD="$EDITOR_PASSWORD" LOTSE_WP_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  LOTSE_WP_SOCK="$SOCK" LOTSE_WP_MAIL_LOG="$WORK/mail.log" LOTSE_WP_WORK="$WORK" \
  node "$HERE/check.mjs" || fail "page checks (see above)"

# ---- 10. Retention --------------------------------------------------------------------------
log "retention: the daily clean-up deletes old messages"
PURGE="$(php "$HERE/wp-helper.php" purge)"
echo "$PURGE"
echo "$PURGE" | grep -q '"old_gone":true' || fail "an old message survived lotse_purge"

# ---- 11. PHP notices from the plugin ----------------------------------------------------------
if grep -F 'plugins/lotse/' "$WORK/debug.log" >/dev/null 2>&1; then
  grep -F 'plugins/lotse/' "$WORK/debug.log" | head -20
  fail "PHP notices or warnings from the plugin in debug.log"
fi
log "debug.log has no notice from the plugin"
log "PASSED – all WordPress checks"
