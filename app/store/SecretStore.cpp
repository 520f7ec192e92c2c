#include "SecretStore.h"

SecretStore::~SecretStore() = default;
