#pragma once
// One-shot administrative tasks run by `myspace migrate` and `myspace seed`:
// each opens its own short-lived connection, does its work and exits.

#include <filesystem>
#include <string>

namespace myspace::admin {

// Applies pending migrations from `directory`; logs each one. Returns how many were applied.
int apply_migrations(const std::string& database_url, const std::filesystem::path& directory);

// Loads the demo data in `script` (idempotent). `password` is hashed with bcrypt
// and given to the script as the setting myspace.demo_password_hash.
void load_demo_data(const std::string& database_url, const std::filesystem::path& script,
                    const std::string& password);

}  // namespace myspace::admin
