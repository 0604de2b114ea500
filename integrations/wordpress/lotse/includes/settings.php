<?php
/**
 * Settings → Lotse: feed, contact endpoint, privacy link, retention, recipients, map tiles.
 *
 * Stored in one option, `lotse_settings`. Only users with `manage_options` see or change
 * them; the form goes through options.php (Settings API), which checks the nonce written by
 * settings_fields() and the capability.
 *
 * @package Lotse
 * @license GPL-2.0-or-later
 */

defined( 'ABSPATH' ) || exit;

/** The stored settings merged with their defaults. Empty strings mean "use the default". */
function lotse_settings() {
	$defaults = array(
		'feed'           => '',
		'endpoint'       => '',
		'privacy_url'    => '',
		'retention_days' => 90,
		'recipient'      => '',
		'recipients'     => '',
		'tiles'          => '',
		'attribution'    => '',
	);
	$stored   = get_option( 'lotse_settings', array() );
	return array_merge( $defaults, is_array( $stored ) ? $stored : array() );
}

/** A same-site path ("/lotse/services.json", not "//host/…") or, if allowed, an https URL. */
function lotse_is_allowed_url( $value, $allow_http = false ) {
	$value = (string) $value;
	if ( '' === $value || preg_match( '/[\s"\'<>\\\\]/', $value ) ) {
		return false;
	}
	if ( '/' === $value[0] ) {
		return '/' !== substr( $value, 1, 1 );
	}
	$parts   = wp_parse_url( $value );
	$schemes = $allow_http ? array( 'https', 'http' ) : array( 'https' );
	return is_array( $parts ) && ! empty( $parts['host'] ) && in_array( strtolower( $parts['scheme'] ?? '' ), $schemes, true );
}

/** The bundled sample feed, as a path on this site. */
function lotse_default_feed() {
	return wp_make_link_relative( plugins_url( 'assets/services.json', LOTSE_FILE ) );
}

/** The feed address the widgets get unless a block names its own. */
function lotse_feed_url() {
	$feed = lotse_settings()['feed'];
	return '' !== $feed ? $feed : lotse_default_feed();
}

/** The contact endpoint: the setting, or this plugin's REST route as a same-site path. */
function lotse_endpoint_url() {
	$endpoint = lotse_settings()['endpoint'];
	return '' !== $endpoint ? $endpoint : wp_make_link_relative( rest_url( 'lotse/v1/contact' ) );
}

/** Lines "service-id: name@example.org" → [ 'service-id' => 'name@example.org' ]. */
function lotse_parse_recipients( $text ) {
	$map = array();
	foreach ( preg_split( '/\r\n|\r|\n/', (string) $text ) as $line ) {
		if ( preg_match( '/^\s*([A-Za-z0-9._-]{1,128})\s*[:=]\s*(\S+)\s*$/', $line, $m ) && is_email( $m[2] ) ) {
			$map[ $m[1] ] = $m[2];
		}
	}
	return $map;
}

/** Who gets the mail for a message about `$service_id`. */
function lotse_recipient_for( $service_id ) {
	$settings = lotse_settings();
	$map      = lotse_parse_recipients( $settings['recipients'] );
	if ( '' !== (string) $service_id && isset( $map[ $service_id ] ) ) {
		return $map[ $service_id ];
	}
	return is_email( $settings['recipient'] ) ? $settings['recipient'] : get_option( 'admin_email' );
}

add_action( 'admin_init', 'lotse_register_settings' );
add_action( 'admin_menu', 'lotse_add_settings_page' );

function lotse_register_settings() {
	register_setting(
		'lotse',
		'lotse_settings',
		array(
			'type'              => 'array',
			'sanitize_callback' => 'lotse_sanitize_settings',
			'default'           => array(),
		)
	);
}

function lotse_add_settings_page() {
	add_options_page( 'Lotse', 'Lotse', 'manage_options', 'lotse', 'lotse_render_settings_page' );
}

/**
 * Checks every field; a value that is not allowed keeps the previous one and shows why.
 *
 * @param mixed $input The submitted array (already unslashed by options.php).
 */
function lotse_sanitize_settings( $input ) {
	$old   = lotse_settings();
	$input = is_array( $input ) ? $input : array();
	$clean = $old;
	$error = function ( $code, $message ) {
		// update_option() may sanitise twice when the option is new: report each problem once.
		foreach ( get_settings_errors( 'lotse_settings' ) as $known ) {
			if ( $known['code'] === $code ) {
				return;
			}
		}
		add_settings_error( 'lotse_settings', $code, $message );
	};

	$urls = array(
		'feed'        => array( false, 'Die Feed-Adresse muss ein Pfad auf dieser Website (beginnt mit /) oder eine https-Adresse sein.' ),
		'endpoint'    => array( false, 'Der Kontakt-Endpunkt muss ein Pfad auf dieser Website (beginnt mit /) oder eine https-Adresse sein.' ),
		'privacy_url' => array( true, 'Der Datenschutz-Link muss ein Pfad auf dieser Website oder eine http(s)-Adresse sein.' ),
	);
	foreach ( $urls as $key => list( $allow_http, $message ) ) {
		$value = trim( (string) ( $input[ $key ] ?? '' ) );
		if ( '' === $value ) {
			$clean[ $key ] = '';
		} elseif ( lotse_is_allowed_url( $value, $allow_http ) ) {
			// A path is kept as typed (it is escaped on output); a full address is normalised.
			$clean[ $key ] = '/' === $value[0] ? $value : esc_url_raw( $value, $allow_http ? array( 'https', 'http' ) : array( 'https' ) );
		} else {
			$error( 'lotse_' . $key, $message );
		}
	}

	$days = (int) ( $input['retention_days'] ?? 90 );
	if ( $days >= 1 && $days <= 3650 ) {
		$clean['retention_days'] = $days;
	} else {
		$error( 'lotse_retention_days', 'Die Speicherdauer muss zwischen 1 und 3650 Tagen liegen.' );
	}

	$recipient = trim( sanitize_text_field( (string) ( $input['recipient'] ?? '' ) ) );
	if ( '' === $recipient || is_email( $recipient ) ) {
		$clean['recipient'] = sanitize_email( $recipient );
	} else {
		$error( 'lotse_recipient', 'Die Empfänger-Adresse ist keine gültige E-Mail-Adresse.' );
	}

	$lines = array();
	$bad   = array();
	foreach ( preg_split( '/\r\n|\r|\n/', (string) ( $input['recipients'] ?? '' ) ) as $number => $line ) {
		$line = trim( sanitize_text_field( $line ) );
		if ( '' === $line ) {
			continue;
		}
		if ( lotse_parse_recipients( $line ) ) {
			$lines[] = $line;
		} else {
			$bad[] = $number + 1;
		}
	}
	if ( $bad ) {
		$error( 'lotse_recipients', 'Empfänger je Angebot: Zeile ' . implode( ', ', $bad ) . ' hat nicht die Form „angebot-id: name@example.org“.' );
	} else {
		$clean['recipients'] = implode( "\n", $lines );
	}

	$tiles = trim( (string) ( $input['tiles'] ?? '' ) );
	if ( '' === $tiles ) {
		$clean['tiles'] = '';
	} elseif ( preg_match( '#^https://[^\s"\'<>\\\\]+$#', $tiles ) && false !== strpos( $tiles, '{z}' ) && false !== strpos( $tiles, '{x}' ) && false !== strpos( $tiles, '{y}' ) ) {
		$clean['tiles'] = $tiles;
	} else {
		$error( 'lotse_tiles', 'Die Kachel-Adresse muss mit https:// beginnen und {z}, {x} und {y} enthalten.' );
	}
	$clean['attribution'] = sanitize_text_field( (string) ( $input['attribution'] ?? '' ) );

	return $clean;
}

function lotse_render_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$s      = lotse_settings();
	$field  = function ( $key, $label, $hint, $placeholder = '', $type = 'text' ) use ( $s ) {
		printf(
			'<tr><th scope="row"><label for="lotse-%1$s">%2$s</label></th><td><input class="regular-text" type="%6$s" id="lotse-%1$s" name="lotse_settings[%1$s]" value="%3$s" placeholder="%4$s" aria-describedby="lotse-%1$s-hint" /><p class="description" id="lotse-%1$s-hint">%5$s</p></td></tr>',
			esc_attr( $key ),
			esc_html( $label ),
			esc_attr( (string) $s[ $key ] ),
			esc_attr( $placeholder ),
			esc_html( $hint ),
			esc_attr( $type )
		);
	};
	echo '<div class="wrap"><h1>' . esc_html( 'Lotse – Einstellungen' ) . '</h1>';
	if ( ! lotse_assets_present() ) {
		echo '<div class="notice notice-error"><p>' . esc_html( 'Die Widget-Dateien fehlen (assets/lotse/lotse.js). Bitte installieren Sie das fertige ZIP lotse-wordpress-…zip statt des Quellordners.' ) . '</p></div>';
	}
	echo '<form method="post" action="options.php">';
	settings_fields( 'lotse' );
	echo '<table class="form-table" role="presentation">';
	$field( 'feed', 'Feed-Adresse', 'Leer: die mitgelieferte Beispieldatei. Ihre eigene Datei können Sie in der Mediathek hochladen (JSON, nur für Administratoren) und deren Adresse hier eintragen. Erlaubt: ein Pfad dieser Website (/…) oder https://…', lotse_default_feed() );
	$field( 'endpoint', 'Kontakt-Endpunkt', 'Leer: der eingebaute Endpunkt dieses Plugins (Nachrichten werden in WordPress gespeichert und per E-Mail weitergeleitet).', wp_make_link_relative( rest_url( 'lotse/v1/contact' ) ) );
	$field( 'privacy_url', 'Datenschutz-Link', 'Die Seite mit Ihrer Datenschutzerklärung; das Kontaktformular verlinkt sie.', wp_make_link_relative( (string) get_privacy_policy_url() ) );
	$field( 'retention_days', 'Speicherdauer (Tage)', 'Nachrichten werden nach so vielen Tagen automatisch gelöscht; das Formular nennt die Zahl.', '90', 'number' );
	$field( 'recipient', 'Empfänger (E-Mail)', 'Bekommt alle Nachrichten, für die unten kein eigener Empfänger steht. Leer: die Admin-Adresse der Website.', (string) get_option( 'admin_email' ) );
	printf(
		'<tr><th scope="row"><label for="lotse-recipients">%1$s</label></th><td><textarea class="large-text code" rows="5" id="lotse-recipients" name="lotse_settings[recipients]" aria-describedby="lotse-recipients-hint">%2$s</textarea><p class="description" id="lotse-recipients-hint">%3$s</p></td></tr>',
		esc_html( 'Empfänger je Angebot' ),
		esc_textarea( (string) $s['recipients'] ),
		esc_html( 'Eine Zeile je Angebot: die ID aus dem Feed, ein Doppelpunkt, die E-Mail-Adresse. Beispiel: clearingstelle-gesundheit: clearing@example.org' )
	);
	$field( 'tiles', 'Kartenkacheln (optional)', 'URL-Vorlage mit {z}, {x}, {y}, z. B. https://tile.openstreetmap.org/{z}/{x}/{y}.png. Die Karte lädt Kacheln erst nach Zustimmung der Besucherin.' );
	$field( 'attribution', 'Quellenangabe der Karte', 'Zum Beispiel: © OpenStreetMap-Mitwirkende' );
	echo '</table>';
	submit_button();
	echo '</form>';

	$counts = lotse_message_counts();
	if ( null !== $counts ) {
		printf(
			'<h2>%1$s</h2><p>%2$s</p>',
			esc_html( 'Gespeicherte Nachrichten' ),
			esc_html( sprintf( '%1$d Nachrichten, davon %2$d vermutlich Spam und %3$d, deren E-Mail nicht versandt werden konnte. Sie werden nach %4$d Tagen gelöscht.', $counts['total'], $counts['spam'], $counts['unmailed'], (int) $s['retention_days'] ) )
		);
	}
	echo '</div>';
}

/** Is the built widget bundle inside the plugin? */
function lotse_assets_present() {
	return file_exists( LOTSE_DIR . 'assets/lotse/lotse.js' );
}

add_action( 'admin_notices', 'lotse_missing_assets_notice' );
function lotse_missing_assets_notice() {
	if ( current_user_can( 'activate_plugins' ) && ! lotse_assets_present() ) {
		echo '<div class="notice notice-error"><p>' . esc_html( 'Lotse: Die Widget-Dateien fehlen im Plugin-Ordner (assets/lotse/). Bitte das fertige ZIP installieren.' ) . '</p></div>';
	}
}

/*
 * A feed uploaded to the media library: WordPress does not accept .json files. Administrators
 * (who may change the feed setting anyway) may upload them, and only when the file is JSON.
 */
add_filter( 'upload_mimes', 'lotse_allow_json_upload' );
function lotse_allow_json_upload( $mimes ) {
	if ( current_user_can( 'manage_options' ) ) {
		$mimes['json'] = 'application/json';
	}
	return $mimes;
}

add_filter( 'wp_check_filetype_and_ext', 'lotse_check_json_upload', 10, 3 );
function lotse_check_json_upload( $data, $file, $filename ) {
	if ( ! current_user_can( 'manage_options' ) || 'json' !== strtolower( pathinfo( (string) $filename, PATHINFO_EXTENSION ) ) ) {
		return $data;
	}
	$size = is_readable( $file ) ? filesize( $file ) : false;
	if ( false === $size || $size > 20 * MB_IN_BYTES ) {
		return $data;
	}
	json_decode( (string) file_get_contents( $file ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local upload
	if ( JSON_ERROR_NONE === json_last_error() ) {
		$data['ext']  = 'json';
		$data['type'] = 'application/json';
	}
	return $data;
}
