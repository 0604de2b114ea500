<?php
/**
 * Must-use plugin for the test only: instead of sending, wp_mail() writes each mail as one
 * JSON line to LOTSE_TEST_MAIL_LOG (set in the test's wp-config). Installed by run.sh.
 *
 * @license GPL-2.0-or-later
 */

add_filter(
	'pre_wp_mail',
	function ( $short_circuit, $atts ) {
		if ( defined( 'LOTSE_TEST_MAIL_LOG' ) ) {
			$line = wp_json_encode(
				array(
					'to'      => $atts['to'],
					'subject' => $atts['subject'],
					'message' => $atts['message'],
					'headers' => $atts['headers'],
				)
			);
			file_put_contents( LOTSE_TEST_MAIL_LOG, $line . "\n", FILE_APPEND | LOCK_EX );
		}
		return true;
	},
	10,
	2
);
