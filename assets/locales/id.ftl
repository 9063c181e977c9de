# Pesan antarmuka: Bahasa Indonesia.

## The frame of every page
site-name = Katalog Pelatihan Regional
site-tagline = Pelatihan melawan penyelundupan manusia, perdagangan orang, dan kejahatan lintas negara terkait
site-footer = Katalog ini adalah direktori: setiap pelatihan milik penyelenggaranya, dan penyelenggara itulah yang perlu Anda hubungi.
skip-to-main = Langsung ke konten utama
skip-to-results = Langsung ke hasil pencarian
nav-account = Akun
nav-dashboard = Dasbor
nav-review = Tinjauan
nav-organisations = Organisasi
nav-people = Pengguna
nav-topics = Topik
nav-sign-out = Keluar
nav-sign-in = Masuk
nav-sign-in-why = untuk mencantumkan pelatihan Anda
nav-languages = Bahasa
error-no-such-language = Situs ini tidak tersedia dalam bahasa “{ $tag }”. Pilih English, Bahasa Indonesia, atau ไทย.

## Names of values
kind-course = Kursus
kind-workshop = Lokakarya
kind-elearning = E-learning
kind-material = Materi pelatihan
delivery-in-person = Tatap muka
delivery-online = Daring
delivery-blended = Campuran
provider-type-member-state = Negara anggota
provider-type-international-organisation = Organisasi internasional
provider-type-regional-institution = Lembaga pelatihan regional
provider-type-civil-society = Masyarakat sipil
provider-type-academic = Lembaga akademik
state-draft = Draf
state-submitted = Menunggu tinjauan
state-changes-requested = Perlu perbaikan
state-published = Terbit
state-withdrawn = Ditarik
state-archived = Diarsipkan
role-contributor = Kontributor
role-secretariat = Sekretariat
facet-topic = Topik
facet-language = Bahasa
facet-provider = Penyelenggara
facet-kind = Jenis
facet-delivery = Cara penyampaian
facet-country = Negara
facet-audience = Peserta sasaran

## The search page
search-title = Cari pelatihan
search-title-query = “{ $query }”
search-label = Cari kursus, lokakarya, e-learning, dan materi
search-placeholder = mis. pemeriksaan dokumen, identifikasi korban
search-button = Cari
sort-relevance = Paling sesuai
sort-start = Jadwal terdekat
sort-updated = Terakhir diperbarui
sort-title = Judul
sort-label = Urutkan hasil
sort-by = Urutkan:
facets-heading = Persempit hasil
facets-explained = Angka pada setiap filter menunjukkan jumlah hasil jika filter itu dipilih.
facet-more = Lainnya ({ $count })
facet-selected = (dipilih; pilih lagi untuk menghapus)
filters-in-use = Filter yang dipakai
filter-remove = (hapus filter ini)
filters-clear = Hapus semua filter
filters-jump = Filter
results-none = Pelatihan tidak ditemukan
results-count = { $count } hasil
did-you-mean = Mungkin maksud Anda:
results-page-empty = Tidak ada hasil di halaman ini.
results-first-page = Kembali ke halaman pertama
results-nothing = Tidak ada yang cocok dengan pencarian ini.
results-advice = Periksa ejaan, atau coba kata yang lebih sedikit atau lebih umum.
results-without-filters = Cari lagi tanpa filter
results-browse-all = Lihat seluruh katalog
hit-translated = Terjemahan { $shown }; aslinya dalam { $original }
hit-next-session = Jadwal terdekat
hit-any-time = Tersedia kapan saja
hit-on-request = Atas permintaan
hit-none-scheduled = Belum ada jadwal
hit-languages = Bahasa
hit-topics = Topik
pages-label = Halaman hasil
pages-previous = Sebelumnya
pages-next = Berikutnya
pages-page = Halaman

## Dates
month-1 = Jan
month-2 = Feb
month-3 = Mar
month-4 = Apr
month-5 = Mei
month-6 = Jun
month-7 = Jul
month-8 = Agu
month-9 = Sep
month-10 = Okt
month-11 = Nov
month-12 = Des

## A listing's page
breadcrumb = Navigasi
listing-back = Cari di katalog
listing-edit = Ubah listing ini
listing-history = Riwayat
listing-contact = Hubungi penyelenggara
listing-enquire = Kirim pertanyaan
listing-enquire-about = tentang pelatihan ini
listing-owned = Katalog ini hanya mencantumkan pelatihan ini; penyelenggaranyalah pemiliknya dan yang menjawab pertanyaan.
listing-provider = Penyelenggara
listing-location = Lokasi
listing-languages = Bahasa
listing-topics = Topik
listing-audience = Untuk
listing-url = Informasi lebih lanjut
listing-updated = Terakhir diperbarui
listing-confirmed = Dikonfirmasi oleh penyelenggara
listing-stale = Sudah lebih dari setahun belum dikonfirmasi: pastikan rinciannya kepada penyelenggara.
listing-about = Tentang pelatihan ini
listing-dates = Jadwal
listing-any-time = Tersedia kapan saja. Hubungi penyelenggara untuk mendapatkan akses atau salinannya.
listing-no-dates = Belum ada jadwal. Hubungi penyelenggara untuk menanyakan kapan pelatihan berikutnya atau untuk memintanya.
listing-session-ended = (selesai)
listing-session-next = (berikutnya)
listing-in-language = Dalam { $language }
listing-translation-shown = Halaman ini ditampilkan dalam terjemahan { $language }.
listing-show-original = Tampilkan versi asli ({ $language })
listing-original-shown = Ini teks aslinya, dalam { $language }.
listing-show-translation = Tampilkan terjemahan { $language }

## Enquiries
enquiry-title = Tanya tentang “{ $listing }”
enquiry-back = Kembali ke listing
enquiry-heading = Tanya penyelenggara
enquiry-about = Tentang:
enquiry-listed-by = Dicantumkan oleh:
enquiry-explained = Pesan Anda dikirim kepada pengelola listing ini di { $provider }. Mereka akan menjawab melalui e-mail.
enquiry-name = Nama Anda
enquiry-email = Alamat e-mail Anda
enquiry-email-hint = Penyelenggara akan membalas ke alamat ini.
enquiry-message = Pertanyaan Anda
enquiry-message-hint = Misalnya: jadwal berikutnya, siapa yang boleh ikut, cara mendaftar.
enquiry-send = Kirim pertanyaan

## Error pages
error-not-found = Tidak ditemukan
error-bad-request = Permintaan itu tidak dapat dipahami
error-forbidden = Tidak diizinkan
error-conflict = Hal itu tidak dapat dilakukan sekarang
error-invalid = Ada rincian yang perlu diperbaiki
error-too-many = Terlalu banyak percobaan
error-fault = Terjadi kesalahan
error-go-search = Ke halaman pencarian

## Forms
form-problems = Mohon perbaiki { $count } masalah
form-optional = (opsional)
field-email = Alamat e-mail
field-password = Kata sandi
field-new-password = Kata sandi baru
field-confirm-password = Ulangi kata sandi baru
field-current-password = Kata sandi saat ini

## Signing in and passwords
sign-in-title = Masuk
sign-in-intro = Untuk direktur pelatihan nasional, lembaga, dan Sekretariat yang mencantumkan dan mengelola pelatihan. Untuk mencari, tidak perlu akun.
sign-in-button = Masuk
sign-in-forgotten = Lupa kata sandi?
sign-in-no-account = Belum punya akun? Akun hanya dibuat melalui undangan: mintalah Sekretariat mengundang Anda ke organisasi Anda.
forgot-title = Atur ulang kata sandi
forgot-sent = Jika { $email } memiliki akun, tautan untuk memilih kata sandi baru sedang dikirim. Tautan itu hanya berlaku sekali, selama { $hours } jam.
forgot-nothing-arrived = Tidak menerima apa pun? Periksa folder spam, atau minta Sekretariat mengirimkan tautan.
forgot-intro = Masukkan alamat e-mail akun Anda. Kami akan mengirimkan tautan untuk memilih kata sandi baru.
forgot-button = Kirim tautan
password-hint = Minimal { $min } karakter. Beberapa kata yang tidak saling berhubungan menghasilkan kata sandi yang kuat dan mudah diingat; kata sandi yang umum akan ditolak.
choose-password-welcome = Selamat datang: pilih kata sandi Anda
choose-password-title = Pilih kata sandi baru
choose-password-hello = Selamat datang, { $name }.
choose-password-invited = Anda diundang untuk mencantumkan dan mengelola pelatihan { $organisation }.
choose-password-finish = Pilih kata sandi untuk menyelesaikan pembuatan akun Anda.
choose-password-reset = { $name }, pilih kata sandi baru. Anda akan dikeluarkan dari semua perangkat lain.
choose-password-button = Simpan kata sandi dan masuk
dead-link-title = Tautan ini tidak dapat digunakan
dead-link-new = Minta tautan kata sandi baru
dead-link-or-invite = atau minta Sekretariat mengundang Anda lagi.
change-password-title = Ganti kata sandi
change-password-intro = Mengganti kata sandi akan mengeluarkan Anda dari semua perangkat lain.
change-password-button = Ganti kata sandi

## Messages after an action
done-password = Kata sandi Anda sudah disimpan.
done-saved = Disimpan sebagai draf. Ajukan jika sudah siap ditinjau.
done-submitted = Sudah diajukan. Sekretariat akan meninjaunya; hasilnya akan tampil di sini.
done-withdrawn = Ditarik: listing ini tidak lagi tampil di katalog.
done-confirmed = Terima kasih: listing ini sudah dikonfirmasi masih berlaku.
done-approved = Disetujui dan diterbitkan.
done-changes-requested = Dikembalikan kepada pemiliknya beserta komentar Anda.
done-archived = Diarsipkan: listing ini tidak lagi tampil di katalog.
done-organisation = Organisasi sudah disimpan.
done-invited = Undangan sedang dikirim.
done-reset = Tautan untuk mengatur ulang kata sandi sedang dikirim.
done-disabled = Akun dinonaktifkan dan dikeluarkan dari semua perangkat.
done-enabled = Akun diaktifkan kembali.
done-topic = Topik sudah disimpan. Listing dengan topik ini sedang diindeks ulang.
done-sent = Pertanyaan Anda sedang dikirim kepada penyelenggara.

## Errors said to the visitor
error-no-page = Tidak ada halaman di { $path }. Periksa alamatnya, atau cari di katalog.
error-our-side = Terjadi kesalahan di pihak kami. Silakan coba lagi sebentar lagi.
error-too-many-from-address = Terlalu banyak percobaan dari alamat Anda. Tunggu { $seconds } detik, lalu coba lagi.
error-form-expired = Formulir ini sudah kedaluwarsa atau tidak dikirim dari situs ini. Kembali, muat ulang halaman, lalu kirim lagi.
error-secretariat-only = Hanya Sekretariat yang dapat melakukan ini. Dasbor Anda memuat apa saja yang dapat diubah organisasi Anda.
error-cross-site = Formulir ini dikirim dari situs lain sehingga ditolak. Buka halamannya di situs ini dan kirim dari sana.
error-email-invalid = Alamat e-mail: tulis lengkap, misalnya nama@contoh.org.
enquiry-error-name = Nama Anda: wajib diisi, paling banyak 200 karakter.
enquiry-error-email = Alamat e-mail Anda: tulis lengkap, misalnya nama@contoh.org, agar penyelenggara dapat membalas.
enquiry-error-message = Pertanyaan Anda: tuliskan apa yang ingin Anda ketahui.
enquiry-error-too-long = Pertanyaan Anda { $length } karakter; persingkat menjadi paling banyak { $max }.
sign-in-no-match = Alamat e-mail dan kata sandi itu tidak cocok dengan akun mana pun. Periksa keduanya, atau atur ulang kata sandi Anda.
sign-in-throttled-seconds = Terlalu banyak percobaan masuk yang gagal untuk akun ini. Tunggu { $seconds } detik lalu coba lagi, atau atur ulang kata sandi Anda.
sign-in-throttled-minutes = Terlalu banyak percobaan masuk yang gagal untuk akun ini. Tunggu { $minutes } menit lalu coba lagi, atau atur ulang kata sandi Anda.
link-used = Tautan ini sudah pernah dipakai: setiap tautan hanya berlaku sekali.
link-expired = Tautan ini sudah kedaluwarsa.
link-invalid = Tautan ini tidak sah. Pastikan tautan disalin dengan lengkap.
password-mismatch = Kedua kata sandi berbeda. Ketik kata sandi yang sama dua kali.
password-current-wrong = Kata sandi saat ini salah.
account-gone = Akun tersebut sudah tidak ada.
review-comment-needed = Sebutkan apa yang perlu diubah: pemilik listing akan membaca komentar ini.
password-too-short = Kata sandi baru hanya { $chars } karakter; gunakan minimal { $min } (sebuah kalimat pendek mudah diingat).
password-too-long = Kata sandi baru { $chars } karakter; gunakan paling banyak { $max }.
password-common = Kata sandi baru termasuk yang paling umum dipakai, yang pertama kali ditebak orang; pilih yang lain.
