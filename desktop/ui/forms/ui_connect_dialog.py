# generated — do not edit: compiled from forms/connect_dialog.ui by build_scripts/compile_forms.py
# source-sha256: fbb8fcb6582809be4ad77517485050687f22e247d78776bf5617b4c7c033cbb7
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'connect_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpacerItem,
    QSpinBox,
    QVBoxLayout,
)

class Ui_ConnectDialog(object):
    def setupUi(self, ConnectDialog):
        if not ConnectDialog.objectName():
            ConnectDialog.setObjectName(u"ConnectDialog")
        ConnectDialog.resize(560, 420)
        self.mainLayout = QVBoxLayout(ConnectDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.lblIntro = QLabel(ConnectDialog)
        self.lblIntro.setObjectName(u"lblIntro")
        self.lblIntro.setWordWrap(True)

        self.mainLayout.addWidget(self.lblIntro)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.lblRecent = QLabel(ConnectDialog)
        self.lblRecent.setObjectName(u"lblRecent")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.lblRecent)

        self.recentCombo = QComboBox(ConnectDialog)
        self.recentCombo.setObjectName(u"recentCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.recentCombo)

        self.lblHost = QLabel(ConnectDialog)
        self.lblHost.setObjectName(u"lblHost")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lblHost)

        self.hostEdit = QLineEdit(ConnectDialog)
        self.hostEdit.setObjectName(u"hostEdit")
        self.hostEdit.setMaxLength(255)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.hostEdit)

        self.lblPort = QLabel(ConnectDialog)
        self.lblPort.setObjectName(u"lblPort")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.lblPort)

        self.portSpin = QSpinBox(ConnectDialog)
        self.portSpin.setObjectName(u"portSpin")
        self.portSpin.setMinimum(1)
        self.portSpin.setMaximum(65535)
        self.portSpin.setValue(5432)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.portSpin)

        self.lblDatabase = QLabel(ConnectDialog)
        self.lblDatabase.setObjectName(u"lblDatabase")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.lblDatabase)

        self.databaseEdit = QLineEdit(ConnectDialog)
        self.databaseEdit.setObjectName(u"databaseEdit")
        self.databaseEdit.setMaxLength(63)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.databaseEdit)

        self.lblUser = QLabel(ConnectDialog)
        self.lblUser.setObjectName(u"lblUser")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.lblUser)

        self.userEdit = QLineEdit(ConnectDialog)
        self.userEdit.setObjectName(u"userEdit")
        self.userEdit.setMaxLength(63)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.userEdit)

        self.lblPassword = QLabel(ConnectDialog)
        self.lblPassword.setObjectName(u"lblPassword")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.lblPassword)

        self.passwordEdit = QLineEdit(ConnectDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.passwordEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.rememberCheck = QCheckBox(ConnectDialog)
        self.rememberCheck.setObjectName(u"rememberCheck")
        self.rememberCheck.setChecked(True)

        self.mainLayout.addWidget(self.rememberCheck)

        self.lblError = QLabel(ConnectDialog)
        self.lblError.setObjectName(u"lblError")
        self.lblError.setWordWrap(True)

        self.mainLayout.addWidget(self.lblError)

        self.bottomSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(ConnectDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.lblRecent.setBuddy(self.recentCombo)
        self.lblHost.setBuddy(self.hostEdit)
        self.lblPort.setBuddy(self.portSpin)
        self.lblDatabase.setBuddy(self.databaseEdit)
        self.lblUser.setBuddy(self.userEdit)
        self.lblPassword.setBuddy(self.passwordEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ConnectDialog)
    # setupUi

    def retranslateUi(self, ConnectDialog):
        ConnectDialog.setWindowTitle(QCoreApplication.translate("ConnectDialog", u"K\u1ebft n\u1ed1i m\u00e1y ch\u1ee7 c\u01a1 s\u1edf d\u1eef li\u1ec7u", None))
        self.lblIntro.setText(QCoreApplication.translate("ConnectDialog", u"V\u0103n ph\u00f2ng c\u00f3 nhi\u1ec1u c\u00e1n b\u1ed9 c\u00f9ng l\u00e0m vi\u1ec7c d\u00f9ng chung m\u1ed9t c\u01a1 s\u1edf d\u1eef li\u1ec7u PostgreSQL tr\u00ean m\u00e1y ch\u1ee7. H\u1ecfi ng\u01b0\u1eddi qu\u1ea3n tr\u1ecb \u0111\u1ecba ch\u1ec9 m\u00e1y ch\u1ee7, t\u00ean c\u01a1 s\u1edf d\u1eef li\u1ec7u, t\u00ean \u0111\u0103ng nh\u1eadp v\u00e0 m\u1eadt kh\u1ea9u.", None))
        self.lblRecent.setText(QCoreApplication.translate("ConnectDialog", u"M\u00e1y ch\u1ee7 \u0111\u00e3 &l\u01b0u:", None))
#if QT_CONFIG(accessibility)
        self.recentCombo.setAccessibleName(QCoreApplication.translate("ConnectDialog", u"M\u00e1y ch\u1ee7 \u0111\u00e3 d\u00f9ng g\u1ea7n \u0111\u00e2y", None))
#endif // QT_CONFIG(accessibility)
        self.lblHost.setText(QCoreApplication.translate("ConnectDialog", u"M\u00e1y &ch\u1ee7 (t\u00ean ho\u1eb7c \u0111\u1ecba ch\u1ec9 IP):", None))
        self.hostEdit.setPlaceholderText(QCoreApplication.translate("ConnectDialog", u"v\u00ed d\u1ee5 192.168.1.10", None))
        self.lblPort.setText(QCoreApplication.translate("ConnectDialog", u"C\u1ed5&ng:", None))
        self.lblDatabase.setText(QCoreApplication.translate("ConnectDialog", u"T\u00ean c\u01a1 s\u1edf &d\u1eef li\u1ec7u:", None))
        self.databaseEdit.setPlaceholderText(QCoreApplication.translate("ConnectDialog", u"v\u00ed d\u1ee5 thidua", None))
        self.lblUser.setText(QCoreApplication.translate("ConnectDialog", u"&T\u00ean \u0111\u0103ng nh\u1eadp:", None))
        self.lblPassword.setText(QCoreApplication.translate("ConnectDialog", u"&M\u1eadt kh\u1ea9u:", None))
        self.rememberCheck.setText(QCoreApplication.translate("ConnectDialog", u"&Ghi nh\u1edb m\u00e1y ch\u1ee7 n\u00e0y tr\u00ean m\u00e1y t\u00ednh (kh\u00f4ng l\u01b0u m\u1eadt kh\u1ea9u; l\u1ea7n sau ch\u1ec9 h\u1ecfi m\u1eadt kh\u1ea9u)", None))
        self.lblError.setText("")
    # retranslateUi

