<?php
/**
 * Test helper, run with PHP on the command line by run.sh (never installed into WordPress):
 *   php wp-helper.php setup   → activates the plugin, checks the settings validation, creates
 *                               the editor with an application password; prints JSON
 *   php wp-helper.php purge   → stores an old message, runs the daily clean-up; prints JSON
 * Environment: LOTSE_WP_PORT, WORDPRESS_CONFIG (the Debian config name).
 *
 * @license GPL-2.0-or-later
 */

$_SERVER['HTTP_HOST']        = '127.0.0.1:' . getenv( 'LOTSE_WP_PORT' );
$_SERVER['WORDPRESS_CONFIG'] = getenv( 'WORDPRESS_CONFIG' );
$_SERVER['REQUEST_METHOD']   = 'GET';
$_SERVER['REQUEST_URI']      = '/';
$_SERVER['SERVER_NAME']      = '127.0.0.1';
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/user.php';

$out = array();
$cmd = $argv[1] ?? '';

if ( 'setup' === $cmd ) {
	update_option( 'permalink_structure', '/%postname%/' );
	flush_rewrite_rules( false );
	switch_theme( 'twentytwentythree' );
	$activated          = activate_plugin( 'lotse/lotse.php' );
	$out['activated']   = ! is_wp_error( $activated );
	$out['activate_error'] = is_wp_error( $activated ) ? $activated->get_error_message() : '';
	global $wpdb;
	$table                 = $wpdb->prefix . 'lotse_messages';
	$out['table']          = $table === $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $table ) );
	$index                 = $wpdb->get_row( "SHOW INDEX FROM {$table} WHERE Key_name = 'idempotency_key'", ARRAY_A );
	$out['unique_key']     = is_array( $index ) && '0' === (string) $index['Non_unique'];
	$out['cron_scheduled'] = (bool) wp_next_scheduled( 'lotse_purge' );

	// The settings check, called as options.php would (the form itself is tried in Chromium).
	$checks = array(
		'protocol-relative feed refused' => array( array( 'feed' => '//evil.example/services.json' ), 'feed', '' ),
		'http feed refused'              => array( array( 'feed' => 'http://evil.example/services.json' ), 'feed', '' ),
		'javascript endpoint refused'    => array( array( 'endpoint' => 'javascript:alert(1)' ), 'endpoint', '' ),
		'https feed kept'                => array( array( 'feed' => 'https://stadt.example/lotse/services.json' ), 'feed', 'https://stadt.example/lotse/services.json' ),
		'path feed kept'                 => array( array( 'feed' => '/wp-content/uploads/services.json' ), 'feed', '/wp-content/uploads/services.json' ),
		'retention 0 refused'            => array( array( 'retention_days' => '0' ), 'retention_days', 90 ),
		'bad recipient line refused'     => array( array( 'recipients' => "a: ok@example.org\nkaputt" ), 'recipients', '' ),
		'tiles without {z} refused'      => array( array( 'tiles' => 'https://tiles.example/x.png' ), 'tiles', '' ),
	);
	$out['settings_checks'] = array();
	foreach ( $checks as $name => list( $input, $key, $expected ) ) {
		$clean                          = lotse_sanitize_settings( $input );
		$out['settings_checks'][ $name ] = $clean[ $key ] === $expected;
	}
	update_option(
		'lotse_settings',
		lotse_sanitize_settings(
			array(
				'privacy_url'    => '/datenschutz/',
				'retention_days' => '30',
				'recipient'      => 'beratung@example.org',
				'recipients'     => 'clearingstelle-gesundheit: clearing@example.org',
			)
		)
	);
	$out['settings'] = get_option( 'lotse_settings' );

	$editor = get_user_by( 'login', 'redaktion' );
	$id     = $editor ? $editor->ID : wp_insert_user(
		array(
			'user_login' => 'redaktion',
			'user_pass'  => getenv( 'LOTSE_EDITOR_PASSWORD' ),
			'user_email' => 'redaktion@example.org',
			'role'       => 'editor',
		)
	);
	$out['editor_id']                 = is_wp_error( $id ) ? 0 : $id;
	$out['editor_unfiltered_html']    = user_can( $id, 'unfiltered_html' );
	$out['admin_unfiltered_html']     = user_can( 1, 'unfiltered_html' );
	$out['application_passwords']     = wp_is_application_passwords_available_for_user( get_user_by( 'id', $id ) );
	list( $password )                 = WP_Application_Passwords::create_new_application_password( $id, array( 'name' => 'lotse-test' ) );
	$out['app_password']              = $password;
}

if ( 'purge' === $cmd ) {
	global $wpdb;
	$table = $wpdb->prefix . 'lotse_messages';
	$wpdb->query(
		$wpdb->prepare(
			"INSERT INTO {$table} (idempotency_key, reference, service_id, payload, is_spam, mail_status, received_at) VALUES (%s, %s, %s, %s, 0, 'sent', %s)",
			'old-message-for-purge',
			'OLD-OLD',
			'x',
			'{}',
			gmdate( 'Y-m-d H:i:s', time() - 40 * DAY_IN_SECONDS )
		)
	);
	$before = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$table}" );
	do_action( 'lotse_purge' );
	$after            = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$table}" );
	$out['before']    = $before;
	$out['after']     = $after;
	$out['old_gone']  = 0 === (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$table} WHERE idempotency_key = 'old-message-for-purge'" );
}

echo wp_json_encode( $out ), "\n";
