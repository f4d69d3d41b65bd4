// The core's errors read in German in tests, as on the command line.
import '@/utils/i18n/messages';
