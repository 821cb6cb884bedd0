# generated — do not edit: compiled from forms/main_window.ui by build_scripts/compile_forms.py
# source-sha256: 8d7327ee330c8fde24ade03e1a8d1ff999120b7c1cd1d82ba9411aa2833b5693
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMenu,
    QMenuBar,
    QStatusBar,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.nav_splitter import NavSplitter
from desktop.ui.page_stack import PageStack

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1180, 760)
        self.actionOpen = QAction(MainWindow)
        self.actionOpen.setObjectName(u"actionOpen")
        self.actionConnectServer = QAction(MainWindow)
        self.actionConnectServer.setObjectName(u"actionConnectServer")
        self.actionMoveToServer = QAction(MainWindow)
        self.actionMoveToServer.setObjectName(u"actionMoveToServer")
        self.actionBackup = QAction(MainWindow)
        self.actionBackup.setObjectName(u"actionBackup")
        self.actionRestore = QAction(MainWindow)
        self.actionRestore.setObjectName(u"actionRestore")
        self.actionOffice = QAction(MainWindow)
        self.actionOffice.setObjectName(u"actionOffice")
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
        self.actionQuit.setMenuRole(QAction.MenuRole.QuitRole)
        self.actionSave = QAction(MainWindow)
        self.actionSave.setObjectName(u"actionSave")
        self.actionFind = QAction(MainWindow)
        self.actionFind.setObjectName(u"actionFind")
        self.actionRefresh = QAction(MainWindow)
        self.actionRefresh.setObjectName(u"actionRefresh")
        self.actionLogFolder = QAction(MainWindow)
        self.actionLogFolder.setObjectName(u"actionLogFolder")
        self.actionAbout = QAction(MainWindow)
        self.actionAbout.setObjectName(u"actionAbout")
        self.actionAbout.setMenuRole(QAction.MenuRole.AboutRole)
        self.centralwidget = QWidget(MainWindow)
        self.centralwidget.setObjectName(u"centralwidget")
        self.centralLayout = QHBoxLayout(self.centralwidget)
        self.centralLayout.setSpacing(0)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(0, 0, 0, 0)
        self.mainSplitter = NavSplitter(self.centralwidget)
        self.mainSplitter.setObjectName(u"mainSplitter")
        self.mainSplitter.setChildrenCollapsible(False)
        self.navList = QListWidget(self.mainSplitter)
        self.navList.setObjectName(u"navList")
        self.navList.setMinimumSize(QSize(150, 0))
        self.navList.setMaximumSize(QSize(260, 16777215))
        self.navList.setSpacing(2)
        self.mainSplitter.addWidget(self.navList)
        self.pages = PageStack(self.mainSplitter)
        self.pages.setObjectName(u"pages")
        self.placeholderPage = QWidget()
        self.placeholderPage.setObjectName(u"placeholderPage")
        self.placeholderLayout = QVBoxLayout(self.placeholderPage)
        self.placeholderLayout.setObjectName(u"placeholderLayout")
        self.lblPlaceholder = QLabel(self.placeholderPage)
        self.lblPlaceholder.setObjectName(u"lblPlaceholder")
        self.lblPlaceholder.setStyleSheet(u"qproperty-alignment: AlignCenter;")
        self.lblPlaceholder.setWordWrap(True)

        self.placeholderLayout.addWidget(self.lblPlaceholder)

        self.pages.addWidget(self.placeholderPage)
        self.mainSplitter.addWidget(self.pages)

        self.centralLayout.addWidget(self.mainSplitter)

        MainWindow.setCentralWidget(self.centralwidget)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menuFile = QMenu(self.menubar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuRecent = QMenu(self.menuFile)
        self.menuRecent.setObjectName(u"menuRecent")
        self.menuEdit = QMenu(self.menubar)
        self.menuEdit.setObjectName(u"menuEdit")
        self.menuView = QMenu(self.menubar)
        self.menuView.setObjectName(u"menuView")
        self.menuHelp = QMenu(self.menubar)
        self.menuHelp.setObjectName(u"menuHelp")
        MainWindow.setMenuBar(self.menubar)
        self.mainToolBar = QToolBar(MainWindow)
        self.mainToolBar.setObjectName(u"mainToolBar")
        self.mainToolBar.setMovable(False)
        MainWindow.addToolBar(self.mainToolBar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)

        self.menubar.addAction(self.menuFile.menuAction())
        self.menubar.addAction(self.menuEdit.menuAction())
        self.menubar.addAction(self.menuView.menuAction())
        self.menubar.addAction(self.menuHelp.menuAction())
        self.menuFile.addAction(self.actionOpen)
        self.menuFile.addAction(self.actionConnectServer)
        self.menuFile.addAction(self.menuRecent.menuAction())
        self.menuFile.addAction(self.actionMoveToServer)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionBackup)
        self.menuFile.addAction(self.actionRestore)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionOffice)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionQuit)
        self.menuEdit.addAction(self.actionSave)
        self.menuEdit.addAction(self.actionFind)
        self.menuView.addAction(self.actionRefresh)
        self.menuView.addSeparator()
        self.menuHelp.addAction(self.actionLogFolder)
        self.menuHelp.addSeparator()
        self.menuHelp.addAction(self.actionAbout)

        self.retranslateUi(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"Thi\u0110ua C\u0110S", None))
        self.actionOpen.setText(QCoreApplication.translate("MainWindow", u"&M\u1edf c\u01a1 s\u1edf d\u1eef li\u1ec7u\u2026", None))
        self.actionConnectServer.setText(QCoreApplication.translate("MainWindow", u"&K\u1ebft n\u1ed1i m\u00e1y ch\u1ee7 c\u01a1 s\u1edf d\u1eef li\u1ec7u\u2026", None))
#if QT_CONFIG(tooltip)
        self.actionConnectServer.setToolTip(QCoreApplication.translate("MainWindow", u"D\u00f9ng chung m\u1ed9t c\u01a1 s\u1edf d\u1eef li\u1ec7u PostgreSQL tr\u00ean m\u00e1y ch\u1ee7 c\u1ee7a v\u0103n ph\u00f2ng", None))
#endif // QT_CONFIG(tooltip)
        self.actionMoveToServer.setText(QCoreApplication.translate("MainWindow", u"Chu&y\u1ec3n d\u1eef li\u1ec7u l\u00ean m\u00e1y ch\u1ee7\u2026", None))
#if QT_CONFIG(tooltip)
        self.actionMoveToServer.setToolTip(QCoreApplication.translate("MainWindow", u"Ch\u00e9p to\u00e0n b\u1ed9 c\u01a1 s\u1edf d\u1eef li\u1ec7u \u0111ang m\u1edf (t\u1ec7p) v\u00e0o m\u1ed9t c\u01a1 s\u1edf d\u1eef li\u1ec7u c\u00f2n tr\u1ed1ng tr\u00ean m\u00e1y ch\u1ee7", None))
#endif // QT_CONFIG(tooltip)
        self.actionBackup.setText(QCoreApplication.translate("MainWindow", u"&Sao l\u01b0u ngay", None))
        self.actionRestore.setText(QCoreApplication.translate("MainWindow", u"Kh\u00f4i &ph\u1ee5c t\u1eeb b\u1ea3n sao l\u01b0u\u2026", None))
        self.actionOffice.setText(QCoreApplication.translate("MainWindow", u"Th\u00f4ng tin &c\u01a1 quan\u2026", None))
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"T&ho\u00e1t", None))
        self.actionSave.setText(QCoreApplication.translate("MainWindow", u"&L\u01b0u thay \u0111\u1ed5i", None))
        self.actionFind.setText(QCoreApplication.translate("MainWindow", u"&T\u00ecm trong m\u00e0n h\u00ecnh", None))
        self.actionRefresh.setText(QCoreApplication.translate("MainWindow", u"&L\u00e0m m\u1edbi", None))
        self.actionLogFolder.setText(QCoreApplication.translate("MainWindow", u"M\u1edf th\u01b0 m\u1ee5c &nh\u1eadt k\u00fd", None))
        self.actionAbout.setText(QCoreApplication.translate("MainWindow", u"&Gi\u1edbi thi\u1ec7u\u2026", None))
#if QT_CONFIG(accessibility)
        self.navList.setAccessibleName(QCoreApplication.translate("MainWindow", u"C\u00e1c m\u00e0n h\u00ecnh", None))
#endif // QT_CONFIG(accessibility)
        self.lblPlaceholder.setText(QCoreApplication.translate("MainWindow", u"\u0110ang m\u1edf c\u01a1 s\u1edf d\u1eef li\u1ec7u\u2026", None))
        self.menuFile.setTitle(QCoreApplication.translate("MainWindow", u"&T\u1ec7p", None))
        self.menuRecent.setTitle(QCoreApplication.translate("MainWindow", u"C\u01a1 s\u1edf d\u1eef li\u1ec7u &g\u1ea7n \u0111\u00e2y", None))
        self.menuEdit.setTitle(QCoreApplication.translate("MainWindow", u"&S\u1eeda", None))
        self.menuView.setTitle(QCoreApplication.translate("MainWindow", u"&Xem", None))
        self.menuHelp.setTitle(QCoreApplication.translate("MainWindow", u"Tr\u1ee3 &gi\u00fap", None))
        self.mainToolBar.setWindowTitle(QCoreApplication.translate("MainWindow", u"Thanh c\u00f4ng c\u1ee5", None))
    # retranslateUi

