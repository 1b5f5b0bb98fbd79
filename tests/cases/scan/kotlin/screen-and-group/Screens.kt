class HomeFragment(private val analytics: Analytics) {
    fun onResume() {
        analytics.screen("Home", mapOf("screen_class" to "HomeFragment"))
        analytics.screen("Home", mapOf("screen_klass" to "HomeFragment"))
        analytics.group("acme", mapOf("seats" to 3))
    }
}
